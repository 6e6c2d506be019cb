package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.descriptor.FieldKind;
import dev.plugboard.host.Form;
import dev.plugboard.host.FormField;
import dev.plugboard.cli.Cli;
import dev.plugboard.cli.CliEnvironment;
import dev.plugboard.host.testing.TestHost;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The BigCommerce form, drawn by the host from the descriptor alone: as a model, as JSON Schema, on the command line. */
final class BigCommerceFormTest {

  @RegisterExtension static final TestHost bigcommerce = BigCommerceFormFixture.host();

  @Test
  void theFormAsksForTheFourValuesInTheOrderBigCommerceShowsThem() {
    Form form = bigcommerce.plugboard().form("bigcommerce");

    assertThat(form.fields()).extracting(FormField::id)
        .containsExactly("api_path", "access_token", "client_id", "client_secret");
    assertThat(form.fields()).extracting(FormField::label)
        .containsExactly("API Path", "Access Token", "Client ID", "Client Secret");
    FormField apiPath = form.field("api_path").orElseThrow();
    assertThat(apiPath.kind()).isEqualTo(FieldKind.URL);
    assertThat(apiPath.guideStep()).hasValue(5);
    assertThat(apiPath.guideStepTitle()).hasValue("Copy the API Path");
    assertThat(apiPath.example()).hasValue("https://api.bigcommerce.com/stores/abc123/v3/");
    assertThat(apiPath.fileLabels()).containsExactly("API PATH");
    assertThat(form.field("access_token").orElseThrow().secret()).isTrue();
    assertThat(form.field("client_id").orElseThrow().secret()).isFalse();
    assertThat(form.allowedHosts()).containsExactly("api.bigcommerce.com");
    assertThat(form.maxLength()).isEqualTo(4096);
  }

  @Test
  void theJsonSchemaCarriesTitlesExamplesPatternsAndMarksSecretsWriteOnly() {
    JsonNode schema = JsonMapper.shared().readTree(bigcommerce.plugboard().formJsonSchema("bigcommerce"));

    assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("title").asString()).isEqualTo("BigCommerce");
    assertThat(schema.get("type").asString()).isEqualTo("object");
    assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    assertThat(schema.get("properties").propertyNames())
        .containsExactly("api_path", "access_token", "client_id", "client_secret");
    assertThat(schema.get("required").valueStream().map(JsonNode::asString))
        .containsExactly("api_path", "access_token", "client_id", "client_secret");
    JsonNode apiPath = schema.get("properties").get("api_path");
    assertThat(apiPath.get("title").asString()).isEqualTo("API Path");
    assertThat(apiPath.get("description").asString())
        .startsWith("Your store's API address")
        .contains("Format: https://api.bigcommerce.com/stores/ then your store hash")
        .contains("Found at step 5 of the setup guide (Copy the API Path).");
    assertThat(apiPath.get("examples").get(0).asString()).isEqualTo("https://api.bigcommerce.com/stores/abc123/v3/");
    assertThat(apiPath.get("pattern").asString()).startsWith("^").endsWith("$")
        .contains("[aA][pP][iI]\\.[bB][iI][gG]").contains("stores/([a-z0-9]{5,16})/v[23]/?");
    assertThat(apiPath.has("writeOnly")).isFalse();
    for (String secret : new String[] {"access_token", "client_secret"}) {
      JsonNode property = schema.get("properties").get(secret);
      assertThat(property.get("writeOnly").asBoolean()).as(secret).isTrue();
      assertThat(property.get("format").asString()).as(secret).isEqualTo("password");
    }
  }

  @Test
  void formPrintsTheJsonSchemaByDefaultAndTheModelWithFormatJson() {
    Run schema = run("form", "bigcommerce");
    Run model = run("form", "bigcommerce", "--format", "json");

    assertThat(schema.code()).isZero();
    assertThat(JsonMapper.shared().readTree(schema.out()).get("$schema").asString()).contains("2020-12");
    assertThat(model.code()).isZero();
    JsonNode fields = JsonMapper.shared().readTree(model.out()).get("fields");
    assertThat(fields.get(1).get("id").asString()).isEqualTo("access_token");
    assertThat(fields.get(1).get("kind").asString()).isEqualTo("secret");
    assertThat(fields.get(0).get("normalize").get(0).asString()).isEqualTo("trim");
  }

  @Test
  void anUnknownFormatIsAUsageErrorNamingTheFormats() {
    Run run = run("form", "bigcommerce", "--format", "xml");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--format must be one of json-schema, json (the value given is neither)").doesNotContain("Exception");
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--plugins-dir";
    all[1] = bigcommerce.pluginsDir().toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = Cli.run(all, new CliEnvironment(new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), Map.of()));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
