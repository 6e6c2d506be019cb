package dev.plugboard.woocommerce;

import static dev.plugboard.woocommerce.WooCommerceCli.elements;
import static dev.plugboard.woocommerce.WooCommerceCli.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxFault;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.woocommerce.sandbox.SandboxKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** {@code plugboard verify woocommerce}, through the real command line and the plugin jar built at test time. */
final class WooCommerceVerifyCommandTest {

  static final List<String> PERMISSIONS = List.of("Orders", "Products", "Customers", "Coupons", "Sales reports",
      "Payment gateways", "Taxes", "Refunds");
  private static final String SANDBOX_STARTED = "using the woocommerce sandbox";

  @RegisterExtension static final WooCommerceCli cli = new WooCommerceCli();

  @Test
  void theSandboxVerifiesNamingTheStoreWithEveryPermissionGranted() {
    CliRun.Result result = cli.run("verify", "woocommerce", "--sandbox");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).containsPattern("Connected to Acceptance Outfitters \\(http://127\\.0\\.0\\.1:\\d+\\)")
        .contains("Result: verified");
    assertThat(result.out().lines().filter(line -> line.startsWith("  granted      "))).hasSize(8);
    assertThat(result.err()).contains(SANDBOX_STARTED);
    assertThat(cli.home()).as("verify stores nothing").isEmptyDirectory();
  }

  @Test
  void jsonNamesTheStoreItsCurrencyTimeZoneAndWooCommerceVersionAndEveryPermission() {
    CliRun.Result result = cli.run("verify", "woocommerce", "--sandbox", "--json");

    assertThat(result.exitCode()).as(result.all()).isZero();
    JsonNode report = json(result.out());
    assertThat(report.get("connector").asString()).isEqualTo("woocommerce");
    assertThat(report.get("status").asString()).isEqualTo("verified");
    JsonNode account = report.get("account");
    assertThat(account.toString()).contains("Acceptance Outfitters", "USD", "America/Chicago", "11.1.0");
    assertThat(elements(report.get("fields")).map(field -> field.get("id").asString()))
        .containsExactly("store_url", "consumer_key", "consumer_secret");
    assertThat(elements(report.get("scopes"))).hasSize(8).allSatisfy(scope -> {
      assertThat(scope.get("status").asString()).isEqualTo("granted");
      assertThat(scope.get("permission").asString()).isEqualTo("Read");
      assertThat(scope.get("evidence").get("method").asString()).isEqualTo("GET");
    });
    assertThat(elements(report.get("scopes")).map(scope -> scope.get("name").asString()))
        .containsExactlyElementsOf(PERMISSIONS);
    assertThat(report.get("problems").isEmpty()).isTrue();
    assertThat(warnings(report)).as("a Read key can do no more than asked").isEmpty();
  }

  /** Each row of the notes' §4 table, as the sandbox plays it, and the finding it must give. */
  static Stream<Arguments> theFailureCases() {
    return Stream.of(
        Arguments.of("a wrong consumer secret", given(s -> s.valuesWith("consumer_secret", SandboxKeys.WRONG_SECRET)),
            "wrong_secret", "consumer secret does not belong to it", "Copy the Consumer secret again"),
        Arguments.of("a Write-only key", given(s -> s.valuesWith(SandboxKeys.WRITE_ONLY)),
            "write_only_key", "Permissions are Write", "set Permissions to Read"),
        Arguments.of("an unknown key", given(s -> s.valuesWith(SandboxKeys.UNKNOWN)),
            "key_unknown_or_header_stripped", "removes the Authorization header", "To tell which"),
        Arguments.of("a web host that strips the Authorization header",
            given(s -> s.valuesAtSite("/strips-authorization")),
            "key_unknown_or_header_stripped", "does not know this consumer key", "CGIPassAuth On"),
        Arguments.of("a key whose WordPress user is a Customer", given(s -> s.valuesWith(SandboxKeys.CUSTOMER_USER)),
            "user_lacks_capability", "the WordPress user it acts as may not read", "Administrator or Shop Manager"),
        Arguments.of("a WordPress site without WooCommerce", given(s -> s.valuesAtSite("/blog")),
            "not_a_store", "is not a WooCommerce store", "Settings → Permalinks is not set to Plain"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("theFailureCases")
  void eachFailureOfTheNotesTableIsItsOwnFindingWithItsRemediationAndExitOne(String situation,
      Function<EmbeddedSandbox, Map<String, String>> values, String code, String message, String remediation) {
    try (EmbeddedSandbox sandbox = cli.sandbox(SandboxOptions.defaults())) {
      Map<String, String> given = values.apply(sandbox);
      CliRun.Result json = cli.given(given, "--allow-host", sandbox.address(), "verify", "woocommerce", "--json").run();
      CliRun.Result text = cli.given(given, "--allow-host", sandbox.address(), "verify", "woocommerce").run();

      assertThat(json.exitCode()).as(json.all()).isEqualTo(1);
      JsonNode report = json(json.out());
      assertThat(report.get("status").asString()).isEqualTo("failed");
      assertThat(elements(report.get("problems"))).as(situation).singleElement().satisfies(problem -> {
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("message").asString()).contains(message);
        assertThat(problem.get("remediation").asString()).contains(remediation);
      });
      assertThat(text.exitCode()).as(text.all()).isEqualTo(1);
      assertThat(text.out()).contains(message).contains(remediation);
      Canaries.assertNoneIn(json.all() + text.all(), List.of(given.get("consumer_key"), given.get("consumer_secret")));
    }
  }

  @Test
  void aKeyThatCanAlsoWriteVerifiesWithAWarningToSetItToRead() {
    try (EmbeddedSandbox sandbox = cli.sandbox(SandboxOptions.defaults())) {
      Map<String, String> given = sandbox.valuesWith(SandboxKeys.READ_WRITE);
      CliRun.Result json = cli.given(given, "--allow-host", sandbox.address(), "verify", "woocommerce", "--json").run();
      CliRun.Result text = cli.given(given, "--allow-host", sandbox.address(), "verify", "woocommerce").run();

      assertThat(json.exitCode()).as(json.all()).isZero();
      JsonNode report = json(json.out());
      assertThat(report.get("status").asString()).isEqualTo("verified");
      assertThat(warnings(report)).singleElement().satisfies(warning -> {
        assertThat(warning.get("code").asString()).isEqualTo("key_can_write");
        assertThat(warning.get("message").asString()).contains("The key may also write");
        assertThat(warning.get("remediation").asString()).contains("set Permissions to Read");
      });
      assertThat(text.exitCode()).as(text.all()).isZero();
      assertThat(text.out()).contains("The key may also write").contains("set Permissions to Read");
      Canaries.assertNoneIn(json.all() + text.all(), List.of(SandboxKeys.READ_WRITE.consumerKey(),
          SandboxKeys.READ_WRITE.consumerSecret()));
    }
  }

  @Test
  void sandboxScopesWithholdPermissionsSoExactlyTheOthersAreMissingAsForAUserLackingTheCapability() {
    String granted = String.join(",", PERMISSIONS.stream()
        .filter(name -> !name.equals("Customers") && !name.equals("Taxes")).toList());

    CliRun.Result json = cli.run("verify", "woocommerce", "--sandbox", "--sandbox-scopes", granted, "--json");

    assertThat(json.exitCode()).as(json.all()).isEqualTo(1);
    JsonNode report = json(json.out());
    List<JsonNode> missing = elements(report.get("scopes"))
        .filter(scope -> scope.get("status").asString().equals("missing")).toList();
    assertThat(missing).extracting(scope -> scope.get("name").asString()).containsExactly("Customers", "Taxes");
    assertThat(missing).allSatisfy(scope -> assertThat(scope.get("evidence").get("status").asInt()).isEqualTo(403));
    assertThat(elements(report.get("scopes")).filter(scope -> scope.get("status").asString().equals("granted")))
        .hasSize(6);
    assertThat(report.toString()).contains("Administrator or Shop Manager");
  }

  @Test
  void theRejectTokenFaultIsAnUnknownKey() {
    try (EmbeddedSandbox sandbox = cli.sandbox(SandboxOptions.builder().fault(new SandboxFault.RejectToken()).build())) {
      CliRun.Result json = cli.given(sandbox.values(), "--allow-host", sandbox.address(), "verify", "woocommerce",
          "--json").run();

      assertThat(json.exitCode()).as(json.all()).isEqualTo(1);
      assertThat(elements(json(json.out()).get("problems")).map(problem -> problem.get("code").asString()))
          .containsExactly("key_unknown_or_header_stripped");
    }
  }

  @Test
  void aPastedAdminAddressWithATrailingSlashIsCutBackToTheSite() {
    try (EmbeddedSandbox sandbox = cli.sandbox(SandboxOptions.defaults())) {
      String site = sandbox.values().get("store_url");
      CliRun.Result result = cli.given(sandbox.valuesWith("store_url", site + "/wp-admin/"),
          "--allow-host", sandbox.address(), "connect", "woocommerce", "--name", "shop").run();

      assertThat(result.exitCode()).as(result.all()).isZero();
      CliRun.Result shown = cli.run("connections", "show", "shop", "--json");
      assertThat(shown.out()).contains("\"" + site + "\"").doesNotContain("wp-admin");
    }
  }

  @Test
  void aPlainHttpStoreUrlIsRefusedBeforeAnythingIsSentSayingWhy() {
    List<String> args = new ArrayList<>(List.of("verify", "woocommerce", "--json"));
    CliRun run = cli.given(Map.of("store_url", "http://shop.example.com",
        "consumer_key", SandboxKeys.UNKNOWN.consumerKey(), "consumer_secret", SandboxKeys.UNKNOWN.consumerSecret()),
        args.toArray(String[]::new));

    CliRun.Result result = run.run();

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    JsonNode report = json(result.out());
    assertThat(report.get("status").asString()).isEqualTo("invalid");
    JsonNode storeUrl = elements(report.get("fields")).filter(field -> field.get("id").asString().equals("store_url"))
        .findFirst().orElseThrow();
    assertThat(storeUrl.get("status").asString()).isEqualTo("invalid");
    assertThat(storeUrl.get("message").asString()).contains("must start with https://").contains("unencrypted")
        .contains("nothing was sent");
    CliRun.Result describe = cli.run("describe", "woocommerce");
    assertThat(describe.out()).as("the field's own words say why").contains("OAuth 1.0a");
    assertThat(elements(report.get("scopes"))).allSatisfy(scope -> assertThat(scope.get("status").asString())
        .isEqualTo("skipped"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "consumer_key|ck_ABC|ck_ followed by 40 characters, each 0-9 or a-f",
      "consumer_key|cs_0123456789abcdef0123456789abcdef01234567|ck_ followed by 40 characters",
      "consumer_secret|cs_0123456789ABCDEF0123456789ABCDEF01234567|cs_ followed by 40 characters",
      "store_url|https://shop.example.com:8443|443",
      "store_url|https://192.168.1.10/shop|",
      "store_url|https://localhost|"})
  void aMalformedValueIsRefusedBeforeAnythingIsSentSayingWhatIsWrong(String field, String value, String says) {
    Map<String, String> values = new HashMap<>(Map.of("store_url", "https://shop.example.com",
        "consumer_key", SandboxKeys.UNKNOWN.consumerKey(), "consumer_secret", SandboxKeys.UNKNOWN.consumerSecret()));
    values.put(field, value);

    CliRun.Result result = cli.given(values, "verify", "woocommerce", "--json").run();

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    JsonNode report = json(result.out());
    assertThat(report.get("status").asString()).isEqualTo("invalid");
    JsonNode check = elements(report.get("fields")).filter(f -> f.get("id").asString().equals(field)).findFirst()
        .orElseThrow();
    assertThat(check.get("status").asString()).isEqualTo("invalid");
    assertThat(check.get("message").asString()).contains(says == null ? "" : says);
    assertThat(result.all()).doesNotContain("Exception");
    Canaries.assertNoneIn(result.all(), List.of(SandboxKeys.UNKNOWN.consumerSecret()));
  }

  @Test
  void theValuesComeFromThePlugboardWooCommerceEnvironmentVariables() {
    try (EmbeddedSandbox sandbox = cli.sandbox(SandboxOptions.defaults())) {
      CliRun run = cli.args("--allow-host", sandbox.address(), "verify", "woocommerce");
      sandbox.values().forEach((field, value) -> run.env(WooCommerceCli.variable(field), value));

      CliRun.Result result = run.run();

      assertThat(WooCommerceCli.variable("store_url")).isEqualTo("PLUGBOARD_WOOCOMMERCE_STORE_URL");
      assertThat(result.exitCode()).as(result.all()).isZero();
      assertThat(result.err()).doesNotContain(SANDBOX_STARTED);
    }
  }

  @Test
  void anUnknownSandboxPermissionIsBadUsageListingThePermissions() {
    CliRun.Result result = cli.run("verify", "woocommerce", "--sandbox", "--sandbox-scopes", "Orders,Nope");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("WooCommerce has no permission Nope; the permissions are "
        + String.join(", ", PERMISSIONS)).doesNotContain("Exception");
    assertThat(result.out()).isEmpty();
  }

  private static Function<EmbeddedSandbox, Map<String, String>> given(Function<EmbeddedSandbox, Map<String, String>> f) {
    return f;
  }

  private static List<JsonNode> warnings(JsonNode report) {
    JsonNode warnings = report.get("warnings");
    return warnings == null ? List.of() : elements(warnings).toList();
  }
}
