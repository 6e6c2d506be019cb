package dev.plugboard.cli;

import dev.plugboard.host.InvalidConnectionNameException;
import dev.plugboard.host.UnknownConnectionException;
import dev.plugboard.host.UnknownConnectorException;
import dev.plugboard.host.internal.ConsoleText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors in words that name the option or the position, never the value given: a value in
 * the wrong place may be a secret ({@code --access-token T} is not an option, and T is a token).
 * picocli's own messages quote what was given, so only those that cannot are passed on.
 */
final class UsageErrors {

  /** An argument shaped like an option name: shown, since it is a name, not a value. */
  private static final Pattern OPTION = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]{0,40}");

  private UsageErrors() {}

  static String describe(ParameterException e, String[] args) {
    if (e instanceof UnmatchedArgumentException unmatched) {
      return unmatched(unmatched, args);
    }
    if (e instanceof MissingParameterException || e instanceof OverwrittenOptionException
        || e instanceof MutuallyExclusiveArgsException) {
      return e.getMessage(); // names and labels only
    }
    ArgSpec spec = e.getArgSpec();
    String hint = e.getCause() instanceof picocli.CommandLine.TypeConversionException conversion
        && conversion.getMessage() != null ? "; it must be " + conversion.getMessage() : "";
    return spec == null ? "the command line is not valid (the value given is not repeated here)"
        : "the value given for " + name(spec) + " is not valid" + hint + candidates(spec);
  }

  private static String unmatched(UnmatchedArgumentException e, String[] args) {
    List<String> options = new ArrayList<>();
    int others = 0;
    for (String argument : e.getUnmatched()) {
      String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
      if (OPTION.matcher(name).matches()) {
        options.add(name);
      } else {
        others++;
      }
    }
    StringBuilder message = new StringBuilder();
    if (!options.isEmpty()) {
      message.append(options.size() == 1 ? "unknown option " : "unknown options ").append(String.join(", ", options));
      List<String> suggestions = e.getSuggestions();
      if (!suggestions.isEmpty()) {
        message.append(" (did you mean ").append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))))
            .append("?)");
      }
    }
    if (others > 0) {
      message.append(message.length() == 0 ? "" : "; and ")
          .append(others == 1 ? "an unexpected argument" : others + " unexpected arguments")
          .append(position(e.getUnmatched(), args))
          .append(", not repeated here (it may be a secret typed in the wrong place)");
      List<String> commands = e.getSuggestions().stream()
          .filter(e.getCommandLine().getSubcommands()::containsKey).toList();
      if (!commands.isEmpty()) {
        message.append("; if it is a command, did you mean ").append(String.join(" or ", commands.subList(0,
            Math.min(3, commands.size())))).append("?");
      }
    }
    if (others > 0) {
      message.append(". Give secrets with --values-file, --credentials-file, the environment or the prompt, never as"
          + " arguments");
    }
    return message.toString();
  }

  /** {@code " (argument 4)"}: where the first unexpected argument stands on the command line. */
  private static String position(List<String> unmatched, String[] args) {
    for (String argument : unmatched) {
      String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
      if (!OPTION.matcher(name).matches()) {
        for (int i = 0; i < args.length; i++) {
          if (args[i].equals(argument)) {
            return " (argument " + (i + 1) + ")";
          }
        }
      }
    }
    return "";
  }

  private static String name(ArgSpec spec) {
    if (spec instanceof OptionSpec option) {
      return option.longestName();
    }
    PositionalParamSpec positional = (PositionalParamSpec) spec;
    return positional.paramLabel() + " (argument " + (positional.index().min() + 1) + " after the command)";
  }

  private static String candidates(ArgSpec spec) {
    if (spec.completionCandidates() == null || spec.type() == null || !spec.type().isEnum()) {
      return "";
    }
    List<String> all = new ArrayList<>();
    spec.completionCandidates().forEach(all::add);
    return all.isEmpty() ? "" : "; it must be one of " + String.join(", ", all);
  }

  /**
   * The message of a failure about a name the user gave (a connector, a connection): by its
   * role, and the name itself only as a near miss of one the program knows.
   */
  static String describe(RuntimeException e) {
    if (e instanceof UnknownConnectorException unknown) {
      return e.getMessage().replace("no connector " + unknown.connectorId() + " is loaded",
          "no connector by the name given (CONNECTOR) is loaded");
    }
    if (e instanceof UnknownConnectionException) {
      return "no connection is kept under the name given (NAME); `plugboard connections list` shows the names kept";
    }
    if (e instanceof InvalidConnectionNameException invalid) {
      return "the connection name given is not allowed: use " + dev.plugboard.host.ConnectionNames.RULES + ", such as "
          + invalid.example();
    }
    return ConsoleText.safe(e.getMessage());
  }
}
