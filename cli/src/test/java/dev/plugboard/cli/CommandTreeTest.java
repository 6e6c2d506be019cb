package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.TestPluginJar;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CommandTreeTest {

  @TempDir Path plugins;

  @Test
  void onlyTheNamedCommandIsBuiltWhateverTheOptionsBeforeIt() {
    assertThat(subcommands("--home", "h", "--allow-host=127.0.0.1:1", "describe", "minimal")).containsExactly("describe");
    assertThat(subcommands("--plugins-dir", "connections", "connections", "list")).containsExactly("connections");
  }

  @Test
  void theCommandsNamesAreTheNamesTheirAnnotationsGive() {
    assertThat(CommandTree.COMMANDS.stream().map(CommandTree::nameOf).toList()).isEqualTo(CommandTree.NAMES);
  }

  @Test
  void withoutAKnownCommandEveryCommandIsBuilt() {
    assertThat(subcommands()).containsExactly("plugins", "describe", "form", "verify", "connect", "connections",
        "serve", "invite", "invites", "help", "completion");
    assertThat(subcommands("--help")).hasSize(11);
    assertThat(subcommands("descirbe", "minimal")).hasSize(11);
    assertThat(subcommands("--colour", "describe")).hasSize(11);
  }

  @Test
  void optionsSharedByEveryCommandStillWorkAfterTheCommandName() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);

    CliRun.Result result = CliRun.args("describe", "--plugins-dir", plugins.toString(), "minimal").run();

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).contains("Minimal minimal (connector minimal, plugin minimal@1.0.0)");
  }

  @Test
  void usageListsEveryCommandAndAMisspeltOneIsBadUsage() {
    CliRun.Result help = CliRun.args("--help").run();
    CliRun.Result misspelt = CliRun.args("descirbe", "minimal").run();

    assertThat(help.out()).contains("plugins", "describe", "form", "verify", "connect", "connections", "serve", "invite", "invites");
    assertThat(misspelt.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(misspelt.err()).contains("did you mean describe").doesNotContain("descirbe");
  }

  private static Set<String> subcommands(String... args) {
    CliEnvironment environment = new CliEnvironment(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), System.in, Map.of());
    return CommandTree.of(new PlugboardCommand(environment), args).getSubcommands().keySet();
  }
}
