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
      ServeCommand.class,
      InviteCommand.class,
      InvitesCommand.class,
      CommandLine.HelpCommand.class,
      CompletionCommand.class);

  /**
   * Their names, as each one's {@code @Command} says (a test holds the two lists together):
   * finding the command named needs no class loaded and no annotation read.
   */
  static final List<String> NAMES = List.of("plugins", "describe", "form", "verify", "connect", "connections",
      "serve", "invite", "invites", "help", "completion");

  /** Commands about the others: with them, the whole tree is built. */
  private static final List<String> ABOUT_THE_OTHERS = List.of("help", "completion");

  private CommandTree() {}

  /** A command line for {@code top}, with the subcommand {@code args} name, or with all of them. */
  static CommandLine of(Object top, String[] args) {
    CommandLine commandLine = new CommandLine(top);
    String named = named(commandLine.getCommandSpec(), args);
    for (int i = 0; i < COMMANDS.size(); i++) {
      if (named == null || named.equals(NAMES.get(i))) {
        commandLine.addSubcommand(COMMANDS.get(i));
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
      return NAMES.contains(arg) && !ABOUT_THE_OTHERS.contains(arg) ? arg : null;
    }
    return null;
  }

  /** The name {@code command}'s annotation gives. */
  static String nameOf(Class<?> command) {
    return command.getAnnotation(CommandLine.Command.class).name();
  }
}
