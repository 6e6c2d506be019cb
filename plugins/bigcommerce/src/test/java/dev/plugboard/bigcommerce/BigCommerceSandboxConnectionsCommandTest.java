package dev.plugboard.bigcommerce;

import static dev.plugboard.bigcommerce.BigCommerceCli.elements;
import static dev.plugboard.bigcommerce.BigCommerceCli.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxAccount;
import dev.plugboard.host.testing.EmbeddedSandbox;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * README's "try the rest" path to its end: {@code connect bigcommerce --sandbox}, then
 * {@code connections verify} of what it kept, with no sandbox running and nothing allowed.
 */
final class BigCommerceSandboxConnectionsCommandTest {

  private static final String NAME = "bigcommerce/acceptance-outfitters";
  private static final String ACCOUNT = "Acceptance Outfitters (acceptance-outfitters.example)";

  @RegisterExtension static final BigCommerceCli cli = new BigCommerceCli();

  @Test
  void aConnectionMadeWithSandboxVerifiesAgainAgainstItsSandboxStartedAgain() {
    CliRun.Result connect = cli.run("connect", "bigcommerce", "--sandbox");
    assertThat(connect.exitCode()).as(connect.all()).isZero();
    JsonNode before = json(cli.run("connections", "show", NAME, "--json").out());

    CliRun.Result again = cli.run("connections", "verify", NAME);
    CliRun.Result againJson = cli.run("connections", "verify", NAME, "--json");

    assertThat(again.exitCode()).as(again.all()).isZero();
    assertThat(again.out()).startsWith("Verifying " + NAME + " again, against the bigcommerce sandbox started again for it")
        .contains("Recorded in " + NAME + ".");
    assertThat(againJson.exitCode()).as(againJson.all()).isZero();
    assertThat(json(againJson.out()).get("status").asString()).isEqualTo("verified");
    JsonNode after = json(cli.run("connections", "show", NAME, "--json").out());
    assertThat(after.get("account").get("display").asString()).isEqualTo(ACCOUNT)
        .isEqualTo(before.get("account").get("display").asString());
    assertThat(after.get("status").asString()).isEqualTo("verified");
    assertThat(after.get("values").get("api_path").asString()).as("the address of the sandbox started again")
        .startsWith("http://127.0.0.1:").isNotEqualTo(before.get("values").get("api_path").asString());
  }

  @Test
  void theListShowAndTheirJsonSayWhichConnectionWasMadeAgainstTheSandbox() {
    assertThat(cli.run("connect", "bigcommerce", "--sandbox").exitCode()).isZero();
    try (EmbeddedSandbox server = cli.sandbox(SandboxOptions.defaults())) {
      CliRun.Result other = cli.given(server.values(), "--allow-host", server.address(), "connect", "bigcommerce",
          "--name", "shop/test-server").run();
      assertThat(other.exitCode()).as(other.all()).isZero();
    }

    CliRun.Result list = cli.run("connections");
    Map<String, JsonNode> listed = elements(json(cli.run("connections", "--json").out()).get("connections"))
        .collect(Collectors.toMap(c -> c.get("name").asString(), c -> c));
    CliRun.Result show = cli.run("connections", "show", NAME);
    CliRun.Result showOther = cli.run("connections", "show", "shop/test-server");
    JsonNode shown = json(cli.run("connections", "show", NAME, "--json").out());
    JsonNode shownOther = json(cli.run("connections", "show", "shop/test-server", "--json").out());

    assertThat(list.exitCode()).isZero();
    assertThat(list.out().lines()).anySatisfy(line -> assertThat(line).matches(NAME + " +bigcommerce \\(sandbox\\) +Acceptance.*"))
        .anySatisfy(line -> assertThat(line).matches("shop/test-server +bigcommerce +Acceptance.*"));
    assertThat(listed.get(NAME).get("sandbox").asBoolean()).isTrue();
    assertThat(listed.get("shop/test-server").get("sandbox").asBoolean()).isFalse();
    assertThat(show.out()).contains("  Sandbox:        made against the bigcommerce sandbox, every scope granted;");
    assertThat(showOther.out()).doesNotContain("Sandbox:");
    assertThat(elements(shown.get("sandbox").get("grantedScopes")).map(JsonNode::asString)).containsExactly("*");
    assertThat(shownOther.get("sandbox").isNull()).as("the key is there, null for a connection to the platform").isTrue();
  }

  @Test
  void valuesForAnotherServerGivenWithSandboxMakeAConnectionToThatServerNotASandboxOne() {
    try (EmbeddedSandbox server = cli.sandbox(SandboxOptions.defaults())) {
      CliRun.Result connect = cli.given(server.values(), "--allow-host", server.address(), "connect", "bigcommerce",
          "--sandbox").run();

      assertThat(connect.exitCode()).as(connect.all()).isZero();
      JsonNode shown = json(cli.run("connections", "show", NAME, "--json").out());
      assertThat(shown.get("sandbox").isNull()).isTrue();
      assertThat(shown.get("values").get("api_path").asString()).contains(server.address());
    }
  }

  @Test
  void aSandboxConnectionWhoseSandboxNoLongerStartsIsToldInWordsWithExitThree() {
    assertThat(cli.run("connect", "bigcommerce", "--sandbox").exitCode()).isZero();
    try (Plugboard host = Plugboard.builder().pluginsDir(cli.plugins()).home(cli.home()).build()) {
      host.connections().update(NAME, kept -> kept.map(c -> c.withSandbox(Optional.of(new SandboxAccount(Set.of("Gift Cards"))))));
    }

    CliRun.Result again = cli.run("connections", "verify", NAME);

    assertThat(again.exitCode()).as(again.all()).isEqualTo(3);
    assertThat(again.err()).contains("connection " + NAME + " was made against the bigcommerce sandbox, which cannot be"
        + " started again for it", "Gift Cards", "plugboard connections remove " + NAME).doesNotContain("\tat ");
    assertThat(json(cli.run("connections", "show", NAME, "--json").out()).get("status").asString())
        .as("nothing recorded").isEqualTo("verified");
  }
}
