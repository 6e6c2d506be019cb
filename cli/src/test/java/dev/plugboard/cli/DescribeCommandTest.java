package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

final class DescribeCommandTest {

  @TempDir Path plugins;

  @BeforeEach
  void plugin() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);
  }

  @Test
  void printsTheNumberedGuideTheFieldsAndTheScopeTableFromTheDescriptor() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "describe", "minimal").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).containsSubsequence(
        "Minimal minimal (connector minimal, plugin minimal@1.0.0)",
        "Setup guide: Create a token",
        "1. Open settings", "Open Settings → Tokens.",
        "2. Create the token",
        "API URL (api_url): url, required; found at guide step 1",
        "Example: https://api.minimal.example/accounts/acme/",
        "Format: https://api.minimal.example/accounts/ then your account name",
        "In the credentials file: API URL",
        "Token (token): secret, required; found at guide step 2",
        "Scopes to grant (guide step 2):",
        "Scope      Permission  Minimal minimal scope id",
        "Orders     Read        orders_read",
        "Customers  Read        customers_read");
  }

  @Test
  void printsTheSameAsJson() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "describe", "minimal", "--json").run();

    JsonNode json = Mappers.strictJson().readTree(result.out());
    assertThat(json.get("plugin").asString()).isEqualTo("minimal@1.0.0");
    assertThat(json.get("guide").get("steps")).hasSize(2);
    assertThat(json.get("fields").get(1).get("kind").asString()).isEqualTo("secret");
    assertThat(json.get("scopes").get(0).get("name").asString()).isEqualTo("Orders");
    assertThat(json.get("scopes").get(0).get("probe").get("path").asString()).isEqualTo("orders?limit=1");
  }

  @Test
  void anUnknownConnectorIsBadUsageNamingTheOnesAvailableButNotTheNameGiven() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "describe", "shopify").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("no connector by the name given (CONNECTOR) is loaded; available: minimal")
        .doesNotContain("shopify");
  }

  @Test
  void aMissingConnectorArgumentIsBadUsage() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "describe").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("Missing required parameter: 'CONNECTOR'", "plugboard describe --help");
  }

  @Test
  void namesTheEnvironmentVariablesOfEachFieldAndPlugboardLog() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "describe", "minimal").run();

    assertThat(result.out()).containsSubsequence("Environment variables verify and connect read:",
        "PLUGBOARD_MINIMAL_API_URL  API URL", "PLUGBOARD_MINIMAL_TOKEN  Token", "PLUGBOARD_LOG  debug");
  }

  @Test
  void aConnectorIdInAnotherCaseIsThatConnector() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "describe", "MiniMal").run();

    assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).contains("(connector minimal, plugin minimal@1.0.0)");
  }

  @Test
  void aMisspeltConnectorIdIsAnsweredWithTheNearestOne() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "describe", "minmal").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("no connector by the name given (CONNECTOR) is loaded; did you mean minimal?");
  }
}
