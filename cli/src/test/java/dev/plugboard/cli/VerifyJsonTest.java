package dev.plugboard.cli;

import static dev.plugboard.cli.MinimalConnector.TOKEN;
import static dev.plugboard.cli.MinimalConnector.URL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code verify --json} and {@code connect --json} print a report whatever the values, once a connector is named. */
final class VerifyJsonTest {

  @RegisterExtension static final TestHost minimal = MinimalConnector.host();
  @TempDir Path home;

  @Test
  void aMissingValueIsAFieldStatusInThePrintedReportAndExitsTwo() {
    CliRun.Result result = run("verify").env("PLUGBOARD_MINIMAL_API_URL", URL).run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    JsonNode report = Mappers.output().readTree(result.out());
    assertThat(report.get("connector").asString()).isEqualTo("minimal");
    assertThat(report.get("status").asString()).isEqualTo("invalid");
    assertThat(field(report, "api_url").get("status").asString()).isEqualTo("ok");
    assertThat(field(report, "token").get("status").asString()).isEqualTo("missing");
    assertThat(result.err()).contains("no terminal to ask for Token (token); give it with any of:");
  }

  @Test
  void aValueGivenEmptyIsMissingInThePrintedReport() {
    CliRun.Result result = run("verify", "--set", "api_url=").env("PLUGBOARD_MINIMAL_TOKEN", TOKEN).run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    JsonNode report = Mappers.output().readTree(result.out());
    assertThat(field(report, "api_url").get("status").asString()).isEqualTo("missing");
    assertThat(field(report, "token").get("status").asString()).isEqualTo("ok");
    assertThat(result.err()).contains("API URL (api_url, given empty by --set)");
    Canaries.assertNoneIn(result.all(), List.of(TOKEN));
  }

  @Test
  void connectPrintsTheReportOfAnInvalidValueAndKeepsNothing() {
    CliRun.Result result = run("connect").env("PLUGBOARD_MINIMAL_API_URL", URL)
        .env("PLUGBOARD_MINIMAL_TOKEN", "NOT A TOKEN").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    JsonNode report = Mappers.output().readTree(result.out());
    assertThat(report.get("status").asString()).isEqualTo("invalid");
    assertThat(field(report, "token").get("status").asString()).isEqualTo("invalid");
    assertThat(report.has("connection")).isFalse();
    assertThat(Files.exists(home.resolve("connections"))).isFalse();
  }

  @Test
  void withoutJsonAMissingValueIsStillAUsageErrorInWords() {
    CliRun.Result result = CliRun.args("--plugins-dir", minimal.pluginsDir().toString(), "--home", home.toString(),
        "verify", "minimal").env("PLUGBOARD_MINIMAL_API_URL", URL).run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("no terminal to ask for Token (token)");
  }

  private CliRun run(String command, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("--plugins-dir", minimal.pluginsDir().toString(),
        "--home", home.toString(), command, "minimal", "--json"));
    args.addAll(List.of(more));
    return CliRun.args(args.toArray(String[]::new));
  }

  private static JsonNode field(JsonNode report, String id) {
    for (JsonNode field : report.get("fields")) {
      if (field.get("id").asString().equals(id)) {
        return field;
      }
    }
    throw new AssertionError("no field " + id + " in " + report);
  }
}
