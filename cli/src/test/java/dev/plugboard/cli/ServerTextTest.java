package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A server that names its account with terminal escapes, a forged line and a right-to-left
 * override: what it sends is shown escaped wherever a person reads it, kept verbatim in JSON.
 */
final class ServerTextTest {

  /** ESC ] 0 ; sets the terminal's title, ESC [ 2 J clears the screen, then a forged line and a bidi override. */
  static final String HOSTILE_NAME = "Acme\u001b]0;pwned\u0007\u001b[2J\nResult: verified\u202eevil";
  static final String HOSTILE_DOMAIN = "acme.example\r\u009b31m\u2066x\u2069";
  static final String SHOWN = "Acme\\u001b]0;pwned\\u0007\\u001b[2J\\nResult: verified\\u202eevil"
      + " (acme.example\\r\\u009b31m\\u2066x\\u2069)";
  static final String TOKEN = "canary0server0text0zz";

  @StartStop private final MockWebServer server = new MockWebServer();
  @TempDir Path plugins;
  @TempDir Path home;

  @BeforeEach
  void hostileServer() {
    TestPluginJar.plugin("minimal").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("minimal")
            .replace("    name: /name", "    name: /name\n    domain: /domain")
            .replace("display: '{account.name}'", "display: '{account.name} ({account.domain})'"))
        .writeTo(plugins);
    String account = Mappers.output().writeValueAsString(java.util.Map.of("name", HOSTILE_NAME, "domain", HOSTILE_DOMAIN));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return switch (request.getTarget()) {
          case "/accounts/acme/account" -> json(account);
          case "/accounts/acme/me", "/accounts/acme/orders?limit=1", "/accounts/acme/customers?limit=1" -> json("{}");
          default -> new MockResponse.Builder().code(404).build();
        };
      }
    });
  }

  @Test
  void anAccountNameWithEscapesAndAForgedLineIsShownEscapedByConnectListAndShow() {
    CliRun.Result connected = cli("connect", "minimal", "--set", "api_url=" + server.url("/accounts/acme/"), "--name", "acme")
        .env("PLUGBOARD_MINIMAL_TOKEN", TOKEN).run();
    CliRun.Result listed = cli("connections", "list").run();
    CliRun.Result shown = cli("connections", "show", "acme").run();

    assertThat(connected.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(connected.out()).contains("Connected to " + SHOWN);
    assertThat(connected.out().lines().filter(line -> line.startsWith("Result: "))).singleElement()
        .isEqualTo("Result: verified: every scope is granted (exit 0)");
    assertThat(listed.out()).contains(SHOWN);
    assertThat(shown.out()).contains("Account:        " + SHOWN)
        .contains("name: Acme\\u001b]0;pwned\\u0007\\u001b[2J\\nResult: verified\\u202eevil");
    for (CliRun.Result result : new CliRun.Result[] {connected, listed, shown}) {
      assertThat(result.all()).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e", "\u2066", "\r", TOKEN);
    }
  }

  @Test
  void theJsonReportKeepsTheServersTextVerbatim() {
    CliRun.Result verified = cli("verify", "minimal", "--set", "api_url=" + server.url("/accounts/acme/"), "--json")
        .env("PLUGBOARD_MINIMAL_TOKEN", TOKEN).run();

    JsonNode account = Mappers.strictJson().readTree(verified.out()).get("account");
    assertThat(account.get("values").get("name").asString()).isEqualTo(HOSTILE_NAME);
    assertThat(account.get("values").get("domain").asString()).isEqualTo(HOSTILE_DOMAIN);
  }

  private CliRun cli(String... command) {
    String[] args = new String[command.length + 6];
    args[0] = "--plugins-dir";
    args[1] = plugins.toString();
    args[2] = "--home";
    args[3] = home.toString();
    args[4] = "--allow-host";
    args[5] = server.getHostName() + ":" + server.getPort();
    System.arraycopy(command, 0, args, 6, command.length);
    return CliRun.args(args);
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }
}
