package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.TestPluginJar;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

  /** Reading every method of a command for {@code @Command} ones is start-up time no command here needs. */
  @Test
  void noCommandOfOursIsSearchedForMethodSubcommands() {
    CommandLine tree = CommandTree.of(new PlugboardCommand(new CliEnvironment(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), System.in, Map.of())), new String[0]);

    List<String> searched = new ArrayList<>();
    collectSearched(tree, searched);

    assertThat(searched).isEmpty();
  }

  private static void collectSearched(CommandLine command, List<String> searched) {
    boolean ours = command.getCommandSpec().userObject().getClass().getPackageName().equals("dev.plugboard.cli");
    if (ours && command.getCommandSpec().isAddMethodSubcommands()) {
      searched.add(command.getCommandSpec().qualifiedName());
    }
    command.getSubcommands().values().forEach(sub -> collectSearched(sub, searched));
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
