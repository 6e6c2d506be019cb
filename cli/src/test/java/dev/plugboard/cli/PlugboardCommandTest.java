package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
    assertThat(result.out()).contains("plugboard 0.1.0 (plugin-api 1.3.0)");
  }

  @Test
  void helpWithoutACommandPrintsTheUsageOfEveryCommand() {
    CliRun.Result result = CliRun.args("help").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).contains("Usage: plugboard", "verify", "connections", "completion", "Exit codes:");
  }

  @Test
  void helpOfACommandIsThatCommandsHelpWithItsExitCodesAndEnvironment() {
    CliRun.Result help = CliRun.args("help", "verify").run();
    CliRun.Result option = CliRun.args("verify", "--help").run();

    assertThat(help.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(help.out()).isEqualTo(option.out());
    assertThat(help.out()).contains("Usage: plugboard verify", "Exit codes:", "0   verified",
        "1   verification failed", "PLUGBOARD_<CONNECTOR>_<FIELD>", "PLUGBOARD_LOG");
  }

  @Test
  void everyCommandsHelpListsItsExitCodes() {
    for (String[] command : new String[][] {{"plugins"}, {"describe"}, {"form"}, {"connect"}, {"connections"},
        {"connections", "list"}, {"connections", "show"}, {"connections", "verify"}, {"connections", "remove"},
        {"plugins", "check"}, {"completion"}}) {
      String[] args = Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      CliRun.Result result = CliRun.args(args).run();

      assertThat(result.out()).as(String.join(" ", command)).contains("Exit codes:", "2   ");
    }
  }

  @Test
  void helpIsAsWideAsColumnsSays() {
    CliRun.Result narrow = CliRun.args("verify", "--help").env("COLUMNS", "60").run();
    CliRun.Result wide = CliRun.args("verify", "--help").env("COLUMNS", "160").run();

    assertThat(narrow.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
    assertThat(wide.out().lines().mapToInt(String::length).max().orElse(0)).isGreaterThan(100);
  }

  @Test
  void completionPrintsABashScriptOfEveryCommandAndOption() {
    CliRun.Result bash = CliRun.args("completion", "bash").run();
    CliRun.Result zsh = CliRun.args("completion", "zsh").run();

    assertThat(bash.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(bash.out()).contains("complete -F _complete_plugboard", "connections", "--sandbox-scopes", "--plugins-dir");
    assertThat(zsh.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit", "_complete_plugboard");
  }

  @Test
  void completionForAnotherShellIsBadUsageNamingTheShells() {
    CliRun.Result result = CliRun.args("completion", "fish").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("bash, zsh");
  }
}
