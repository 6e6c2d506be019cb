package dev.plugboard.bigcommerce;

import dev.plugboard.host.testing.EmbeddedSandbox;
import static dev.plugboard.bigcommerce.BigCommerceCli.elements;
import static dev.plugboard.bigcommerce.BigCommerceCli.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.testing.Canaries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code plugboard connections list | show | verify | remove} over a connection kept by
 * {@code connect}, against a sandbox the test runs (through the public API) for as long as it needs.
 */
final class BigCommerceConnectionsCommandTest {

  private static final String NAME = "bigcommerce/acceptance-outfitters";
  private static final String ACCOUNT = "Acceptance Outfitters (acceptance-outfitters.example)";

  @RegisterExtension static final BigCommerceCli cli = new BigCommerceCli();
  private EmbeddedSandbox sandbox;
  private final List<CliRun.Result> results = new ArrayList<>();

  @BeforeEach
  void connect() {
    sandbox = cli.sandbox(SandboxOptions.defaults());
    CliRun.Result connect = cli.given(sandbox.values(), "--allow-host", sandbox.address(), "connect", "bigcommerce")
        .run();
    assertThat(connect.exitCode()).as(connect.all()).isZero();
    results.add(connect);
  }

  @AfterEach
  void noSecretWasPrinted() {
    Map<String, String> values = sandbox.values();
    sandbox.close();
    String last5 = values.get("access_token").substring(values.get("access_token").length() - 5);
    for (CliRun.Result result : results) {
      Canaries.assertNoneIn(result.all(), List.of(values.get("access_token"), values.get("client_secret"), last5));
    }
  }

  @Test
  void listShowsEachKeptConnectionWithItsAccountAndLastStatus() {
    CliRun.Result text = run("connections", "list");
    CliRun.Result json = run("connections", "list", "--json");
    CliRun.Result byDefault = run("connections", "--json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out().lines()).hasSize(2).first().asString()
        .matches("NAME +CONNECTOR +ACCOUNT +LAST VERIFIED +STATUS");
    assertThat(text.out().lines().skip(1)).singleElement().asString()
        .matches(NAME + " +bigcommerce +" + ACCOUNT.replace("(", "\\(").replace(")", "\\)")
            + " +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC +verified");
    assertThat(json.exitCode()).isZero();
    assertThat(elements(json(json.out()).get("connections"))).singleElement().satisfies(connection -> {
      assertThat(connection.get("name").asString()).isEqualTo(NAME);
      assertThat(connection.get("connector").asString()).isEqualTo("bigcommerce");
      assertThat(connection.get("account").asString()).isEqualTo(ACCOUNT);
      assertThat(connection.get("status").asString()).isEqualTo("verified");
      assertThat(connection.has("checkedAt")).isTrue();
    });
    assertThat(byDefault.out()).isEqualTo(json.out());
  }

  @Test
  void showMasksEachSecretToItsLastFourCharacters() {
    Map<String, String> values = sandbox.values();
    String token = values.get("access_token");
    String secret = values.get("client_secret");

    CliRun.Result text = run("connections", "show", NAME);
    CliRun.Result json = run("connections", "show", NAME, "--json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("Connection " + NAME)
        .containsPattern("Access Token +••••••••" + token.substring(token.length() - 4) + "\n")
        .containsPattern("Client Secret +••••••••" + secret.substring(secret.length() - 4) + "\n")
        .contains("Client ID      " + values.get("client_id"))
        .contains("API Path       " + values.get("api_path"))
        .contains("Scopes: 13 of 13 granted");
    assertThat(json.exitCode()).isZero();
    JsonNode shown = json(json.out()).get("values");
    assertThat(shown.get("access_token").asString()).isEqualTo("••••••••" + token.substring(token.length() - 4));
    assertThat(shown.get("client_secret").asString()).isEqualTo("••••••••" + secret.substring(secret.length() - 4));
    assertThat(shown.get("client_id").asString()).isEqualTo(values.get("client_id"));
  }

  @Test
  void verifyRecordsTheNewOutcomeInTheKeptConnection() {
    CliRun.Result again = run("--allow-host", sandbox.address(), "connections", "verify", NAME);
    assertThat(again.exitCode()).as(again.all()).isZero();
    assertThat(again.out()).startsWith("Verifying " + NAME + " again").contains("Recorded in " + NAME + ".");

    sandbox.close();
    CliRun.Result unreachable = run("--allow-host", sandbox.address(), "connections", "verify", NAME, "--json");

    assertThat(unreachable.exitCode()).as(unreachable.all()).isEqualTo(3);
    assertThat(json(unreachable.out()).get("status").asString()).isEqualTo("inconclusive");
    JsonNode listed = elements(json(run("connections", "list", "--json").out()).get("connections")).findFirst()
        .orElseThrow();
    assertThat(listed.get("status").asString()).isEqualTo("inconclusive");
    assertThat(listed.get("account").asString()).as("an unreachable store keeps its name").isEqualTo(ACCOUNT);
  }

  @Test
  void verifyRecordsAScopeTheStoreNoLongerGrantsAsFailed() {
    try (ScopeRevokingFront front = ScopeRevokingFront.before(sandbox.address())) {
      CliRun.Result connect = cli.given(front.values(sandbox.values()), "--allow-host", front.address(),
          "connect", "bigcommerce", "--name", "shop/front").run();
      results.add(connect);
      assertThat(connect.exitCode()).as(connect.all()).isZero();
      front.revoke("/v2/orders/count");

      CliRun.Result again = run("--allow-host", front.address(), "connections", "verify", "shop/front");

      assertThat(again.exitCode()).as(again.all()).isEqualTo(1);
      assertThat(again.out()).contains("1 of 13 scopes missing: Orders")
          .contains("→ In BigCommerce: Settings → API Accounts → your API account → OAuth Scopes → Orders: Read-only")
          .contains("Recorded in shop/front.");
      assertThat(elements(json(run("connections", "list", "--json").out()).get("connections")))
          .filteredOn(connection -> connection.get("name").asString().equals("shop/front")).singleElement()
          .satisfies(connection -> {
            assertThat(connection.get("status").asString()).isEqualTo("failed");
            assertThat(connection.get("account").asString()).isEqualTo(ACCOUNT);
          });
      assertThat(run("connections", "show", "shop/front").out()).contains("Scopes: 12 of 13 granted")
          .contains("missing  Orders (Read-only)");
    }
  }

  @Test
  void removeForgetsTheConnection() {
    CliRun.Result remove = run("connections", "remove", NAME);

    assertThat(remove.exitCode()).isZero();
    assertThat(remove.out()).isEqualTo("Removed " + NAME + "." + System.lineSeparator());
    assertThat(run("connections", "list").out()).startsWith("No connections kept in " + cli.home());
    assertThat(elements(json(run("connections", "list", "--json").out()).get("connections"))).isEmpty();
  }

  @Test
  void removeWithJsonSaysWhatWasRemoved() {
    CliRun.Result remove = run("connections", "remove", NAME, "--json");

    assertThat(remove.exitCode()).isZero();
    assertThat(json(remove.out()).get("removed").asString()).isEqualTo(NAME);
  }

  @ParameterizedTest
  @ValueSource(strings = {"show", "verify", "remove"})
  void anUnknownNameIsBadUsageWithAHint(String command) {
    CliRun.Result result = run("connections", command, "bigcommerce/nope");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("plugboard: no connection is kept under the name given (NAME); `plugboard"
        + " connections list` shows the names kept" + System.lineSeparator());
    assertThat(result.out()).isEmpty();
    assertThat(elements(json(run("connections", "list", "--json").out()).get("connections"))).hasSize(1);
  }

  @Test
  void verifyingAgainWhereTheStoredAddressIsNotAllowedSendsNothingAndKeepsTheLastVerification() {
    CliRun.Result verify = run("connections", "verify", NAME); // no --allow-host: the sandbox's address is refused

    assertThat(verify.exitCode()).as(verify.all()).isEqualTo(2);
    assertThat(verify.out()).contains("Result: invalid values (api_path): nothing was sent (exit 2)",
        "Not recorded: nothing could be checked, so " + NAME + " keeps its last verification.");
    assertThat(run("connections", "list").out()).contains("verified");
  }

  private CliRun.Result run(String... args) {
    CliRun.Result result = cli.run(args);
    results.add(result);
    return result;
  }
}
