package dev.plugboard.bigcommerce;

import static dev.plugboard.bigcommerce.BigCommerceCli.elements;
import static dev.plugboard.bigcommerce.BigCommerceCli.json;
import static dev.plugboard.bigcommerce.BigCommerceVerificationTest.THIRTEEN_SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.cli.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code plugboard verify bigcommerce --sandbox}, through the real command line and the plugin jar built at test time. */
final class BigCommerceVerifyCommandTest {

  private static final String SANDBOX_STARTED = "using the bigcommerce sandbox";
  private static final String ORDERS_REMEDIATION = "In BigCommerce: Settings → API Accounts → your API account →"
      + " OAuth Scopes → Orders: Read-only, then Save. (guide step 6: Set the OAuth scopes)";
  private static final String PRODUCTS_REMEDIATION = "In BigCommerce: Settings → API Accounts → your API account →"
      + " OAuth Scopes → Products: Read-only, then Save. (guide step 6: Set the OAuth scopes)";

  @RegisterExtension static final BigCommerceCli cli = new BigCommerceCli();

  @Test
  void theSandboxVerifiesNamingTheStoreWithEveryScopeGranted() {
    CliRun.Result result = cli.run("verify", "bigcommerce", "--sandbox");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("Connected to Acceptance Outfitters (acceptance-outfitters.example)")
        .contains("all 13 scopes granted")
        .contains("Result: verified: every scope is granted (exit 0)");
    assertThat(result.out().lines().filter(line -> line.startsWith("  granted      "))).hasSize(13);
    assertThat(result.err()).contains(SANDBOX_STARTED);
    assertThat(cli.home()).as("verify stores nothing").isEmptyDirectory();
  }

  @Test
  void jsonIsOneDocumentWithTheKeysTheDesignPromisesAndLowercaseStatuses() {
    CliRun.Result result = cli.run("verify", "bigcommerce", "--sandbox", "--json");

    assertThat(result.exitCode()).as(result.all()).isZero();
    JsonNode report = json(result.out());
    assertThat(report.propertyNames()).contains("connector", "status", "account", "fields", "scopes", "problems");
    assertThat(report.get("connector").asString()).isEqualTo("bigcommerce");
    assertThat(report.get("status").asString()).isEqualTo("verified");
    assertThat(report.get("account").isObject()).isTrue();
    assertThat(report.get("account").get("display").asString())
        .isEqualTo("Acceptance Outfitters (acceptance-outfitters.example)");
    assertThat(elements(report.get("fields"))).hasSize(4).allSatisfy(field -> {
      assertThat(field.propertyNames()).contains("id", "status", "message");
      assertThat(field.get("status").asString()).isEqualTo("ok");
    });
    assertThat(elements(report.get("fields")).map(field -> field.get("id").asString()))
        .containsExactly("api_path", "access_token", "client_id", "client_secret");
    assertThat(elements(report.get("scopes"))).hasSize(13).allSatisfy(scope -> {
      assertThat(scope.propertyNames()).contains("name", "permission", "status", "evidence", "remediation");
      assertThat(scope.get("status").asString()).isEqualTo("granted");
      assertThat(scope.get("permission").asString()).isEqualTo("Read-only");
      assertThat(scope.get("evidence").get("method").asString()).isEqualTo("GET");
    });
    assertThat(elements(report.get("scopes")).map(scope -> scope.get("name").asString()))
        .containsExactlyElementsOf(THIRTEEN_SCOPES);
    assertThat(report.get("problems").isArray()).isTrue();
    assertThat(report.get("problems").isEmpty()).isTrue();
  }

  @Test
  void sandboxScopesGrantOnlyThoseSoExactlyTheOthersAreMissingEachWithWhereToSetIt() {
    String granted = String.join(",", THIRTEEN_SCOPES.stream()
        .filter(scope -> !scope.equals("Orders") && !scope.equals("Products")).toList());

    CliRun.Result json = cli.run("verify", "bigcommerce", "--sandbox", "--sandbox-scopes", granted, "--json");
    CliRun.Result text = cli.run("verify", "bigcommerce", "--sandbox", "--sandbox-scopes", granted);

    assertThat(json.exitCode()).as(json.all()).isEqualTo(1);
    JsonNode report = json(json.out());
    assertThat(report.get("status").asString()).isEqualTo("failed");
    List<JsonNode> missing = elements(report.get("scopes"))
        .filter(scope -> scope.get("status").asString().equals("missing")).toList();
    assertThat(missing).extracting(scope -> scope.get("name").asString()).containsExactly("Orders", "Products");
    assertThat(missing).extracting(scope -> scope.get("remediation").asString())
        .containsExactly(ORDERS_REMEDIATION, PRODUCTS_REMEDIATION);
    assertThat(missing).allSatisfy(scope -> assertThat(scope.get("evidence").get("status").asInt()).isEqualTo(403));
    assertThat(elements(report.get("scopes")).filter(scope -> scope.get("status").asString().equals("granted")))
        .hasSize(11);

    assertThat(text.exitCode()).as(text.all()).isEqualTo(1);
    assertThat(text.out()).contains("→ " + ORDERS_REMEDIATION).contains("→ " + PRODUCTS_REMEDIATION)
        .contains("2 of 13 scopes missing: Orders, Products")
        .contains("Result: failed: 2 of 13 scopes missing (exit 1)");
  }

  @Test
  void anUnknownSandboxScopeIsBadUsageListingTheScopes() {
    CliRun.Result result = cli.run("verify", "bigcommerce", "--sandbox", "--sandbox-scopes", "Orders,Nope");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("BigCommerce has no scope Nope; the scopes are " + String.join(", ", THIRTEEN_SCOPES))
        .doesNotContain(SANDBOX_STARTED).doesNotContain("Exception");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aMisspeltSandboxScopeIsAnsweredWithTheNearestOne() {
    CliRun.Result result = cli.run("verify", "bigcommerce", "--sandbox", "--sandbox-scopes", "Ordres");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("(did you mean Orders?)").doesNotContain(SANDBOX_STARTED);
  }

  @Test
  void aConnectorIdInCapitalsIsTheConnector() {
    CliRun.Result result = cli.run("verify", "BigCommerce", "--sandbox");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.err()).contains("using the bigcommerce sandbox");
  }

  @Test
  void sandboxScopesWithoutTheSandboxIsBadUsage() {
    CliRun.Result result = cli.run("verify", "bigcommerce", "--sandbox-scopes", "Orders");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("plugboard: --sandbox-scopes needs --sandbox" + System.lineSeparator());
    assertThat(result.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "0", "0ms", "-5s", "1d", "1m30", "s", "1.5.5s", "", "30 s", "9223372036854775807s",
      "9223372036854775807m"})
  void aTimeoutThatIsNotAPositiveDurationIsBadUsageNamingTheAcceptedForms(String timeout) {
    CliRun.Result result = cli.run("verify", "bigcommerce", "--sandbox", "--timeout", timeout);

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err()).startsWith("plugboard: the value given for --timeout is not valid; it must be a duration"
            + " more than zero, such as 500ms, 30s, 2m or 1h" + System.lineSeparator())
        .contains("Run 'plugboard verify --help' for usage.")
        .doesNotContain(SANDBOX_STARTED).doesNotContain("Exception");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aTimeoutInAnAcceptedFormIsHonouredWithoutComplaint() {
    CliRun.Result result = cli.run("verify", "bigcommerce", "--sandbox", "--timeout", "2m");

    assertThat(result.exitCode()).as(result.all()).isZero();
  }
}
