package dev.plugboard.woocommerce;

import static dev.plugboard.woocommerce.WooCommerceCli.elements;
import static dev.plugboard.woocommerce.WooCommerceCli.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.woocommerce.sandbox.SandboxKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** {@code plugboard connect woocommerce} and {@code connections}: as for BigCommerce, only what verifies is kept. */
final class WooCommerceConnectCommandTest {

  private static final String DEFAULT_NAME = "woocommerce/acceptance-outfitters";

  @RegisterExtension static final WooCommerceCli cli = new WooCommerceCli();

  @Test
  void aVerifiedConnectionIsKeptEncryptedUnderTheStoresNameAndNoSecretIsWrittenOrShown() {
    try (EmbeddedSandbox sandbox = cli.sandbox(SandboxOptions.defaults())) {
      List<String> secrets = List.of(sandbox.values().get("consumer_key"), sandbox.values().get("consumer_secret"));

      CliRun.Result connect = cli.given(sandbox.values(), "--allow-host", sandbox.address(), "connect", "woocommerce")
          .run();
      CliRun.Result list = cli.run("connections", "list");
      CliRun.Result show = cli.run("connections", "show", DEFAULT_NAME, "--json");
      CliRun.Result verify = cli.run("--allow-host", sandbox.address(), "connections", "verify", DEFAULT_NAME);

      assertThat(connect.exitCode()).as(connect.all()).isZero();
      assertThat(connect.out()).contains("Saved as " + DEFAULT_NAME + " (encrypted, in " + cli.home() + ").");
      assertThat(list.exitCode()).isZero();
      assertThat(list.out()).contains(DEFAULT_NAME).contains("woocommerce").contains("Acceptance Outfitters");
      assertThat(show.exitCode()).as(show.all()).isZero();
      JsonNode shown = json(show.out());
      assertThat(shown.toString()).contains(sandbox.values().get("store_url"))
          .contains(secrets.get(0).substring(secrets.get(0).length() - 4))
          .contains(secrets.get(1).substring(secrets.get(1).length() - 4));
      assertThat(verify.exitCode()).as(verify.all()).isZero();
      Canaries.assertNoneIn(connect.all() + list.all() + show.all() + verify.all(), secrets);
      Canaries.assertNoneUnder(cli.home(), secrets);
    }
  }

  @Test
  void theSandboxConnectsToo() {
    CliRun.Result connect = cli.run("connect", "woocommerce", "--sandbox", "--json");

    assertThat(connect.exitCode()).as(connect.all()).isZero();
    assertThat(json(connect.out()).get("connection").asString()).isEqualTo(DEFAULT_NAME);
  }

  @Test
  void aConnectionThatDoesNotVerifyIsNotKept() {
    CliRun.Result connect = cli.run("connect", "woocommerce", "--sandbox", "--sandbox-scopes", "Orders");

    assertThat(connect.exitCode()).as(connect.all()).isEqualTo(1);
    assertThat(connect.out()).contains("Not saved: only a connection that verifies is kept.").doesNotContain("Saved as");
    assertThat(elements(json(cli.run("connections", "list", "--json").out()).get("connections"))).isEmpty();
  }

  @Test
  void connectingAgainWithAWrongSecretLeavesTheKeptConnectionUntouchedAndRemoveForgetsIt() {
    try (EmbeddedSandbox sandbox = cli.sandbox(SandboxOptions.defaults())) {
      assertThat(connect(sandbox, sandbox.values()).exitCode()).isZero();
      String kept = cli.run("connections", "show", "shop", "--json").out();

      CliRun.Result again = connect(sandbox, sandbox.valuesWith("consumer_secret", SandboxKeys.WRONG_SECRET));

      assertThat(again.exitCode()).as(again.all()).isEqualTo(1);
      assertThat(cli.run("connections", "show", "shop", "--json").out()).isEqualTo(kept);
      assertThat(cli.run("connections", "remove", "shop").exitCode()).isZero();
      assertThat(elements(json(cli.run("connections", "list", "--json").out()).get("connections"))).isEmpty();
    }
  }

  private CliRun.Result connect(EmbeddedSandbox sandbox, Map<String, String> values) {
    return cli.given(values, "--allow-host", sandbox.address(), "connect", "woocommerce", "--name", "shop").run();
  }
}
