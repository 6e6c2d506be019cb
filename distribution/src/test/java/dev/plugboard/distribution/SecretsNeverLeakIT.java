package dev.plugboard.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.Canaries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command that handles a connection's values, run through the real launcher with canary
 * secrets, with and without {@code --json}: no secret in any output, none in the clear in any
 * file of the home folder.
 */
final class SecretsNeverLeakIT {

  private static final String MASK = "••••••••";
  /** Well-formed, so it is sent, but not the sandbox's: BigCommerce answers 401. */
  private static final String REJECTED_TOKEN = "canaryrejectedtokenq7x5w3v1u9t8";
  /** Not a token's format: refused before anything is sent. */
  private static final String MALFORMED_TOKEN = "Canary-Malformed-Token-Q7X5W3V1U9T8";
  /** Not hexadecimal: refused before anything is sent. */
  private static final String MALFORMED_SECRET = "canary-malformed-secret-k2j4h6g8f0d1s3";

  @RegisterExtension static final TestSandbox sandbox = new TestSandbox();

  @TempDir Path folder;
  private final List<Launcher.Result> results = new ArrayList<>();

  @Test
  void noCommandPrintsASecretAndTheHomeFolderHoldsNoneInTheClear() {
    for (boolean json : new boolean[] {false, true}) {
      String name = json ? "shop-json" : "shop";
      expect(0, sandbox.plugboard(home(), withJson(json, "connect", "bigcommerce", "--name", name)));
      expect(0, sandbox.plugboard(home(), withJson(json, "verify", "bigcommerce")));
      expect(0, sandbox.plugboard(home(), withJson(json, "connections", "list")));
      expect(0, sandbox.plugboard(home(), withJson(json, "connections", "show", name)));
      expect(0, sandbox.plugboard(home(), withJson(json, "connections", "verify", name)));
      Launcher.Result rejected = expect(1, sandbox.plugboard(home(), withJson(json, "verify", "bigcommerce"))
          .env("PLUGBOARD_BIGCOMMERCE_ACCESS_TOKEN", REJECTED_TOKEN));
      assertThat(rejected.out()).as("the sandbox's answer to the rejected token").contains("401");
      expect(1, sandbox.plugboard(home(), withJson(json, "connect", "bigcommerce", "--name", "rejected"))
          .env("PLUGBOARD_BIGCOMMERCE_ACCESS_TOKEN", REJECTED_TOKEN));
      expect(2, sandbox.plugboard(home(), withJson(json, "connect", "bigcommerce", "--name", "malformed"))
          .env("PLUGBOARD_BIGCOMMERCE_ACCESS_TOKEN", MALFORMED_TOKEN)
          .env("PLUGBOARD_BIGCOMMERCE_CLIENT_SECRET", MALFORMED_SECRET));
    }
    expect(0, sandbox.plugboard(home(), "verify", "bigcommerce").env("PLUGBOARD_LOG", "debug"));
    assertNothingInTheClearUnderHome();

    expect(0, sandbox.plugboard(home(), "connections", "remove", "shop"));
    expect(0, sandbox.plugboard(home(), "connections", "remove", "shop-json", "--json"));

    assertNothingInTheClearUnderHome();
    String[] secrets = {sandbox.token(), TestSandbox.CANARY_CLIENT_SECRET, REJECTED_TOKEN, MALFORMED_TOKEN, MALFORMED_SECRET};
    for (Launcher.Result result : results) {
      assertThat(result.out()).as("stdout of " + String.join(" ", result.command())).doesNotContain(secrets);
      assertThat(result.err()).as("stderr of " + String.join(" ", result.command())).doesNotContain(secrets);
    }
  }

  @Test
  void showMasksEachSecretToItsLastFourCharacters() {
    expect(0, sandbox.plugboard(home(), "connect", "bigcommerce", "--name", "shop"));

    Launcher.Result show = expect(0, sandbox.plugboard(home(), "connections", "show", "shop"));
    Launcher.Result json = expect(0, sandbox.plugboard(home(), "connections", "show", "shop", "--json"));

    String token = MASK + lastFour(sandbox.token());
    String secret = MASK + lastFour(TestSandbox.CANARY_CLIENT_SECRET);
    assertThat(show.out()).contains("Access Token   " + token, "Client Secret  " + secret,
        "Client ID      " + TestSandbox.CANARY_CLIENT_ID);
    JsonNode values = JsonMapper.shared().readTree(json.out()).get("values");
    assertThat(values.get("access_token").asString()).isEqualTo(token);
    assertThat(values.get("client_secret").asString()).isEqualTo(secret);
  }

  private Launcher.Result expect(int exitCode, Launcher launcher) {
    Launcher.Result result = launcher.go();
    results.add(result);
    assertThat(result.exitCode()).as(result.transcript()).isEqualTo(exitCode);
    return result;
  }

  /**
   * Every value is sealed: the secrets, and the Client ID and API Path too, which are not secrets
   * but are stored in the same record.
   */
  private void assertNothingInTheClearUnderHome() {
    Canaries.assertNoneUnder(home(), List.of(sandbox.token(), TestSandbox.CANARY_CLIENT_SECRET, REJECTED_TOKEN,
        MALFORMED_TOKEN, MALFORMED_SECRET, TestSandbox.CANARY_CLIENT_ID, sandbox.apiPath()));
  }

  private static String[] withJson(boolean json, String... args) {
    return json ? Stream.concat(Stream.of(args), Stream.of("--json")).toArray(String[]::new) : args;
  }

  private static String lastFour(String secret) {
    return secret.substring(secret.length() - 4);
  }

  private Path home() {
    return folder.resolve("home");
  }
}
