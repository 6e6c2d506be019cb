package dev.plugboard.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code plugboard completion bash|zsh}: the shell completion script picocli generates from the
 * commands and options, to {@code source} from the shell's start-up file.
 */
@Command(
    addMethodSubcommands = false,
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {"Prints a completion script for bash or zsh; load it with:",
        "  source <(plugboard completion bash)     in ~/.bashrc",
        "  source <(plugboard completion zsh)      in ~/.zshrc"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "2:bad usage (a shell other than bash or zsh)"})
final class CompletionCommand implements Callable<Integer> {

  enum Shell { bash, zsh }

  @ParentCommand PlugboardCommand plugboard;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    // The whole tree, whichever command this run was built for.
    CommandLine all = CommandTree.of(new PlugboardCommand(plugboard.environment), new String[0]);
    String script = AutoComplete.bash("plugboard", all);
    if (shell == Shell.zsh) {
      // picocli's script runs in zsh through bashcompinit; load that first.
      script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
    }
    plugboard.environment.out().print(script);
    return ExitCode.OK;
  }
}
