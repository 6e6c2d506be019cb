package dev.plugboard.bigcommerce;

import dev.plugboard.host.testing.EmbeddedSandbox;
import static dev.plugboard.bigcommerce.BigCommerceCli.elements;
import static dev.plugboard.bigcommerce.BigCommerceCli.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.testing.Canaries;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code plugboard connect bigcommerce}: only what verifies is kept, under the name asked for or the store's. */
final class BigCommerceConnectCommandTest {

  private static final String DEFAULT_NAME = "bigcommerce/acceptance-outfitters";

  @RegisterExtension static final BigCommerceCli cli = new BigCommerceCli();

  @Test
  void aConnectionThatDoesNotVerifyIsNotKept() {
    CliRun.Result connect = cli.run("connect", "bigcommerce", "--sandbox", "--sandbox-scopes", "Orders");

    assertThat(connect.exitCode()).as(connect.all()).isEqualTo(1);
    assertThat(connect.out()).contains("Not saved: only a connection that verifies is kept.").doesNotContain("Saved as");
    CliRun.Result list = cli.run("connections", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).startsWith("No connections kept in " + cli.home());
    assertThat(elements(json(cli.run("connections", "list", "--json").out()).get("connections"))).isEmpty();
  }

  @Test
  void aVerifiedConnectionIsKeptEncryptedUnderTheStoresNameByDefault() {
    try (EmbeddedSandbox sandbox = cli.sandbox(SandboxOptions.defaults())) {
      CliRun.Result connect = cli.given(sandbox.values(), "--allow-host", sandbox.address(), "connect", "bigcommerce")
          .run();

      assertThat(connect.exitCode()).as(connect.all()).isZero();
      assertThat(connect.out()).contains("Result: verified")
          .contains("Saved as " + DEFAULT_NAME + " (encrypted, in " + cli.home() + ").");
      assertThat(names()).containsExactly(DEFAULT_NAME);
      List<String> secrets = List.of(sandbox.values().get("access_token"), sandbox.values().get("client_secret"));
      Canaries.assertNoneIn(connect.all(), secrets);
      Canaries.assertNoneUnder(cli.home(), secrets);
    }
  }

  @Test
  void nameKeepsItUnderThatName() {
    CliRun.Result connect = cli.run("connect", "bigcommerce", "--sandbox", "--name", "shop/main");

    assertThat(connect.exitCode()).as(connect.all()).isZero();
    assertThat(connect.out()).contains("Saved as shop/main ");
    assertThat(names()).containsExactly("shop/main");
  }

  @Test
  void connectingAgainUnderAKeptNameSaysItReplacedIt() {
    assertThat(cli.run("connect", "bigcommerce", "--sandbox", "--name", "shop1").out()).contains("Saved as shop1 ");

    CliRun.Result again = cli.run("connect", "bigcommerce", "--sandbox", "--name", "shop1");

    assertThat(again.exitCode()).as(again.all()).isZero();
    assertThat(again.out()).containsPattern("Replaced shop1, verified \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"
        + " \\(it was last verified \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\) \\(encrypted, in ").doesNotContain("Saved as");
    assertThat(names()).containsExactly("shop1");
  }

  @Test
  void connectingTheSameValuesAgainSaysItReplacedTheKeptConnection() {
    try (EmbeddedSandbox sandbox = cli.sandbox(SandboxOptions.defaults())) {
      assertThat(connect(sandbox, sandbox.values()).exitCode()).isZero();

      CliRun.Result again = connect(sandbox, sandbox.values());

      assertThat(again.exitCode()).as(again.all()).isZero();
      assertThat(again.out()).contains("Replaced shop, verified ");
    }
  }

  @Test
  void emptySandboxScopesAreRefusedNotTakenAsEveryScope() {
    CliRun.Result connect = cli.run("connect", "bigcommerce", "--sandbox", "--sandbox-scopes", "");

    assertThat(connect.exitCode()).isEqualTo(2);
    assertThat(connect.err()).contains("--sandbox-scopes names no scope: give the scopes the sandbox should grant");
    assertThat(names()).isEmpty();
  }

  @Test
  void connectingAgainUnderAKeptNameWithValuesThatDoNotVerifyLeavesTheKeptConnectionUntouched() {
    try (EmbeddedSandbox sandbox = cli.sandbox(SandboxOptions.defaults())) {
      assertThat(connect(sandbox, sandbox.values()).exitCode()).isZero();
      String kept = cli.run("connections", "show", "shop", "--json").out();

      CliRun.Result again = connect(sandbox, sandbox.valuesWith("access_token", BigCommerceCli.REJECTED_TOKEN));

      assertThat(again.exitCode()).as(again.all()).isEqualTo(1);
      assertThat(again.out()).contains("Not saved: only a connection that verifies is kept.");
      assertThat(cli.run("connections", "show", "shop", "--json").out()).isEqualTo(kept);
      assertThat(cli.run("--allow-host", sandbox.address(), "connections", "verify", "shop").exitCode())
          .as("the kept token, not the rejected one, is verified again").isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Shop", "my shop", "../shop", "a/b/c", "-shop", "shop/", ""})
  void anInvalidNameIsBadUsageBeforeAnythingStarts(String name) {
    CliRun.Result connect = cli.run("connect", "bigcommerce", "--sandbox", "--name", name);

    assertThat(connect.exitCode()).isEqualTo(2);
    assertThat(connect.err()).startsWith("plugboard: the connection name given is not allowed: use up to 64")
        .contains("such as bigcommerce/acme-outfitters")
        .doesNotContain("using the bigcommerce sandbox").doesNotContain("Exception");
    assertThat(connect.out()).isEmpty();
    assertThat(cli.home()).isEmptyDirectory();
  }

  @Test
  void jsonIsTheVerificationReportWithTheConnectionsName() {
    CliRun.Result kept = cli.run("connect", "bigcommerce", "--sandbox", "--json");
    CliRun.Result notKept = cli.run("connect", "bigcommerce", "--sandbox", "--sandbox-scopes", "Orders", "--json");

    assertThat(kept.exitCode()).as(kept.all()).isZero();
    JsonNode report = json(kept.out());
    assertThat(report.propertyNames()).contains("connector", "status", "account", "fields", "scopes", "problems",
        "connection");
    assertThat(report.get("status").asString()).isEqualTo("verified");
    assertThat(report.get("connection").asString()).isEqualTo(DEFAULT_NAME);
    assertThat(notKept.exitCode()).isEqualTo(1);
    JsonNode failed = json(notKept.out());
    assertThat(failed.get("status").asString()).isEqualTo("failed");
    assertThat(failed.has("connection")).isFalse();
  }

  private CliRun.Result connect(EmbeddedSandbox sandbox, Map<String, String> values) {
    return cli.given(values, "--allow-host", sandbox.address(), "connect", "bigcommerce", "--name", "shop").run();
  }

  private List<String> names() {
    CliRun.Result list = cli.run("connections", "list", "--json");
    assertThat(list.exitCode()).isZero();
    return elements(json(list.out()).get("connections")).map(connection -> connection.get("name").asString()).toList();
  }
}
