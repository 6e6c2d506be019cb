package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PlugboardCommandTest {

  @Test
  void noCommandShowsTheUsageAndExitsTwo() {
    CliRun.Result result = CliRun.args().run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("plugboard: name a command", "Usage: plugboard", "Exit codes:");
  }

  @Test
  void anUnknownOptionIsBadUsageWithAHint() {
    CliRun.Result result = CliRun.args("--colour", "plugins").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("plugboard: unknown option --colour\n", "Run 'plugboard --help' for usage.");
  }

  @Test
  void aMalformedAllowedHostIsBadUsage() {
    CliRun.Result result = CliRun.args("--plugins-dir", ".", "--allow-host", "127.0.0.1:http", "plugins").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("allowed host 127.0.0.1:http has a port that is not a number");
  }

  @Test
  void versionNamesTheHostAndThePluginApi() {
    CliRun.Result result = CliRun.args("--version").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).contains("plugboard 0.1.0 (plugin-api 1.1.0)");
  }
}
