package dev.plugboard.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.descriptor.FieldKind;
import dev.plugboard.api.descriptor.GuideStep;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.PluginStatus;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The WooCommerce plugin, built as a jar and loaded by the real host, says what the notes say. */
final class WooCommerceDescriptorTest {

  private static final Path DESCRIPTOR = Path.of("src/main/resources/plugboard/woocommerce.yaml");

  @TempDir Path plugins;
  private Plugboard plugboard;
  private ConnectorDescriptor woocommerce;

  @BeforeEach
  void load() {
    TestPluginJar.plugin("woocommerce").directory(Path.of("target/classes")).writeTo(plugins);
    plugboard = Plugboard.builder().pluginsDir(plugins).build();
    woocommerce = plugboard.describe("woocommerce");
  }

  @AfterEach
  void close() {
    plugboard.close();
  }

  @Test
  void loadsWithoutProblems() {
    assertThat(plugboard.plugins()).singleElement()
        .satisfies(plugin -> assertThat(plugin.state()).as(plugin.problem()).isEqualTo(PluginStatus.State.LOADED));
  }

  @Test
  void isWrittenInFormatOneOneWithTheSchemaLineAnEditorCompletesFrom() throws IOException {
    List<String> lines = Files.readAllLines(DESCRIPTOR);

    assertThat(lines.get(0)).isEqualTo("# yaml-language-server: $schema=../../../../../../plugin-api/src/main/resources"
        + "/dev/plugboard/api/descriptor/descriptor-1.3.schema.json");
    assertThat(DESCRIPTOR.resolveSibling(lines.get(0).substring(lines.get(0).indexOf('=') + 1)).normalize())
        .as("the schema line points at the schema").isRegularFile();
    assertThat(lines).contains("format: '1.3'");
  }

  @Test
  void passesTheSchemaItsFirstLineNames() throws IOException {
    String line = Files.readAllLines(DESCRIPTOR).get(0);
    Path schemaFile = DESCRIPTOR.resolveSibling(line.substring(line.indexOf('=') + 1)).normalize();
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(schemaFile), InputFormat.JSON);

    assertThat(schema.validate(new YAMLMapper().readTree(DESCRIPTOR.toFile()))).isEmpty();
  }

  @Test
  void asksForTheStoreUrlAndTheKeyPairBothKeptSecret() {
    assertThat(woocommerce.fields())
        .extracting(Field::id, Field::label, Field::kind, Field::required)
        .containsExactly(
            tuple("store_url", "Store URL", FieldKind.URL, true),
            tuple("consumer_key", "Consumer key", FieldKind.SECRET, true),
            tuple("consumer_secret", "Consumer secret", FieldKind.SECRET, true));
    assertThat(woocommerce.field("consumer_key").orElseThrow().pattern()).contains("^ck_[0-9a-f]{40}$");
    assertThat(woocommerce.field("consumer_secret").orElseThrow().pattern()).contains("^cs_[0-9a-f]{40}$");
    assertThat(woocommerce.field("store_url").orElseThrow().help()).contains("OAuth 1.0a", "unencrypted");
  }

  @Test
  void theStoreUrlPatternKeepsTheSitesFolderAndDropsAdminPagesAndTrailingSlashes() {
    Pattern path = Pattern.compile(woocommerce.field("store_url").orElseThrow().pattern().orElseThrow());

    assertThat(List.of("", "/", "/wp-admin/", "/wp-admin/admin.php", "/wp-json/wc/v3/", "/shop", "/shop/",
        "/shop/wp-admin/admin.php", "/shop/wp-login.php", "/a/b/"))
        .extracting(p -> {
          Matcher matcher = path.matcher(p);
          return matcher.matches() ? matcher.group(1) : "no match";
        })
        .containsExactly("", "", "", "", "", "/shop", "/shop", "/shop", "/shop", "/a/b");
    assertThat(path.matcher("/shop//x").matches()).isFalse();
  }

  @Test
  void namesTheEightResourcesABookkeepingServiceReadsEachRead() {
    assertThat(woocommerce.scopes())
        .extracting(Scope::name, Scope::permission, Scope::id)
        .containsExactly(
            tuple("Orders", "Read", "orders"),
            tuple("Products", "Read", "products"),
            tuple("Customers", "Read", "customers"),
            tuple("Coupons", "Read", "coupons"),
            tuple("Sales reports", "Read", "reports/sales"),
            tuple("Payment gateways", "Read", "payment_gateways"),
            tuple("Taxes", "Read", "taxes"),
            tuple("Refunds", "Read", "refunds"));
    assertThat(woocommerce.scopes()).allSatisfy(scope -> assertThat(scope.probe().orElseThrow().path())
        .isEqualTo("wc/v3/" + scope.id() + "?per_page=1"));
  }

  @Test
  void theGuideWalksThroughAddingAReadKeyInOrderEachStepWithItsId() {
    assertThat(woocommerce.guide().steps()).extracting(GuideStep::id).containsExactly("store-address",
        "open-rest-api", "add-key", "describe-key", "choose-user", "set-permissions", "generate-key", "copy-keys");
    assertThat(woocommerce.guide().steps()).extracting(GuideStep::text).anySatisfy(text -> assertThat(text)
        .contains("WooCommerce → Settings → Advanced → REST API"))
        .anySatisfy(text -> assertThat(text).contains("Set Permissions to Read"))
        .anySatisfy(text -> assertThat(text).contains("an Administrator or a Shop Manager"))
        .anySatisfy(text -> assertThat(text).contains("the secret key will be hidden once you leave this page"));
  }

  @Test
  void thePluginAuthorsLintFindsNoDefectInTheDescriptorOrTheJar() {
    CliRun.Result file = CliRun.args("plugins", "check", DESCRIPTOR.toString()).run();
    CliRun.Result jar = CliRun.args("plugins", "check", plugins.toString()).run();

    assertThat(file.exitCode()).as(file.all()).isZero();
    assertThat(file.out()).startsWith("ok      ").contains("woocommerce");
    assertThat(jar.exitCode()).as(jar.all()).isZero();
    assertThat(jar.out()).startsWith("ok      ").contains("woocommerce");
  }

  @Test
  void describePrintsEverythingAStoreOwnerNeeds() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "describe", "woocommerce").run();

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("Setup guide: Create a REST API key in WooCommerce", "8. Copy the keys",
        "Store URL (store_url): url, required", "Consumer key (consumer_key): secret, required",
        "Consumer secret (consumer_secret): secret, required");
    woocommerce.scopes().forEach(scope -> assertThat(result.out().lines())
        .anyMatch(line -> line.matches("\\s+" + Pattern.quote(scope.name()) + "\\s+Read\\s+" + Pattern.quote(scope.id()))));
  }
}
