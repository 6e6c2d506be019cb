package dev.plugboard.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * What every command's help ends with: its exit codes, and for the commands that verify the
 * environment variables they read; help as wide as the terminal ({@code COLUMNS}, else what
 * picocli detects), 80 columns when that is not known.
 */
final class HelpSections {

  private static final String USAGE = "bad usage, an unknown connector or name, invalid values (nothing sent, nothing stored)";
  private static final String COULD_NOT_FINISH = "could not finish (unreachable, timeouts, server errors, an unreadable store)";

  private HelpSections() {}

  static void apply(CommandLine top, CliEnvironment environment) {
    Optional<Integer> columns = environment.variable("COLUMNS").flatMap(HelpSections::number).filter(n -> n >= 55);
    apply(top, columns);
  }

  private static void apply(CommandLine command, Optional<Integer> columns) {
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    if (columns.isPresent()) {
      usage.width(Math.min(columns.get(), 200));
    } else {
      usage.autoWidth(true);
    }
    String path = command.getCommandSpec().qualifiedName(" ");
    if (usage.exitCodeList().isEmpty()) {
      usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes(path));
    }
    if (path.equals("plugboard verify") || path.equals("plugboard connect")) {
      usage.footerHeading("%nEnvironment:%n").footer(
          "  PLUGBOARD_<CONNECTOR>_<FIELD>  a value for a field, such as PLUGBOARD_SHOP_TOKEN for field token of"
              + " connector shop; plugboard describe CONNECTOR names each",
          "  PLUGBOARD_HOME, PLUGBOARD_PLUGINS_DIR, PLUGBOARD_ALLOW_HOSTS, PLUGBOARD_STORE  as the options above",
          "  PLUGBOARD_LOG  debug for what Plugboard and its libraries log (default warn)");
    }
    command.getSubcommands().values().forEach(sub -> apply(sub, columns));
  }

  private static Map<String, String> exitCodes(String path) {
    Map<String, String> codes = new LinkedHashMap<>();
    switch (path) {
      case "plugboard verify", "plugboard connections verify" -> {
        codes.put("0", "verified");
        codes.put("1", "verification failed (credentials rejected or scopes missing)");
      }
      case "plugboard connect" -> {
        codes.put("0", "verified and kept");
        codes.put("1", "verification failed (credentials rejected or scopes missing); nothing kept");
      }
      default -> codes.put("0", "done");
    }
    codes.put("2", USAGE);
    codes.put("3", path.startsWith("plugboard connections") && !path.endsWith("verify")
        ? "could not finish (an unreadable store, or a record that does not open)" : COULD_NOT_FINISH);
    return codes;
  }

  private static Optional<Integer> number(String text) {
    try {
      return Optional.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
