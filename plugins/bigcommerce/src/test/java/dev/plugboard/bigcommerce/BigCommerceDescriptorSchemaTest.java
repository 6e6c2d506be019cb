package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The shipped descriptor is valid by plugin-api's JSON Schema, and its editor line finds that schema. */
final class BigCommerceDescriptorSchemaTest {

  private static final String SCHEMA = "/dev/plugboard/api/descriptor/descriptor-1.3.schema.json";
  private static final Path DESCRIPTOR = Path.of("src/main/resources/plugboard/bigcommerce.yaml");

  @Test
  void theShippedDescriptorIsValidByThePluginApisSchema() throws IOException {
    JsonNode document = new YAMLMapper().readTree(Files.readString(DESCRIPTOR, StandardCharsets.UTF_8));

    List<String> problems = schema().validate(document).stream()
        .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();

    assertThat(problems).isEmpty();
    assertThat(document.get("format").asString()).isEqualTo("1.3");
  }

  @Test
  void aBrokenCopyOfTheDescriptorIsNotValidSoTheCheckAboveCanFail() throws IOException {
    String broken = Files.readString(DESCRIPTOR, StandardCharsets.UTF_8)
        .replace("    kind: secret\n", "    kind: password\n");
    JsonNode document = new YAMLMapper().readTree(broken);

    List<Error> problems = schema().validate(document);

    assertThat(problems).isNotEmpty();
  }

  @Test
  void theEditorLineNamesTheSchemaFileThatPluginApiShips() throws IOException {
    String first = Files.readAllLines(DESCRIPTOR, StandardCharsets.UTF_8).get(0);
    assertThat(first).startsWith("# yaml-language-server: $schema=");
    Path schema = DESCRIPTOR.getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize();

    assertThat(schema).exists();
    assertThat(Files.readString(schema, StandardCharsets.UTF_8)).isEqualTo(schemaText());
  }

  private static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JsonMapper.shared().readTree(schemaText()));
  }

  private static String schemaText() throws IOException {
    try (InputStream in = BigCommerceDescriptorSchemaTest.class.getResourceAsStream(SCHEMA)) {
      assertThat(in).as(SCHEMA + " on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
