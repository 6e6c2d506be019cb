package dev.plugboard.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The picocli model of a command line, built for the command it names: the top-level options and
 * that one subcommand, since reading every command's annotations is most of picocli's start-up
 * time. When no known command is named (none, {@code --help}, a misspelt one), every command is
 * added, so usage and "did you mean" see them all.
 */
final class CommandTree {

  /** The subcommands of {@code plugboard}, in the order usage lists them. */
  static final List<Class<?>> COMMANDS = List.of(
      PluginsCommand.class,
      DescribeCommand.class,
      FormCommand.class,
      VerifyCommand.class,
      ConnectCommand.class,
      ConnectionsCommand.class,
      CommandLine.HelpCommand.class,
      CompletionCommand.class);

  /** Commands about the others: with them, the whole tree is built. */
  private static final List<String> ABOUT_THE_OTHERS = List.of("help", "completion");

  private CommandTree() {}

  /** A command line for {@code top}, with the subcommand {@code args} name, or with all of them. */
  static CommandLine of(Object top, String[] args) {
    CommandLine commandLine = new CommandLine(top);
    String named = named(commandLine.getCommandSpec(), args);
    for (Class<?> command : COMMANDS) {
      if (named == null || named.equals(nameOf(command))) {
        commandLine.addSubcommand(command);
      }
    }
    return commandLine;
  }

  /** The command {@code args} name, or {@code null} when they name none of {@link #COMMANDS}. */
  static String named(CommandSpec top, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("-")) {
        int equals = arg.indexOf('=');
        OptionSpec option = top.findOption(equals < 0 ? arg : arg.substring(0, equals));
        if (option == null) {
          return null; // an option picocli will refuse, or "--": let it see every command
        }
        if (equals < 0 && option.arity().max() > 0) {
          i++; // the option's value
        }
        continue;
      }
      return !ABOUT_THE_OTHERS.contains(arg) && COMMANDS.stream().map(CommandTree::nameOf).anyMatch(arg::equals) ? arg : null;
    }
    return null;
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(CommandLine.Command.class).name();
  }
}
