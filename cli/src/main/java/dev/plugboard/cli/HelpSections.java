package dev.plugboard.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * What every command's help ends with: its exit codes, and for the commands that verify the
 * environment variables they read; help as wide as the {@link Screen} (55 to 200 columns), 80
 * columns when that is not known.
 */
final class HelpSections {

  /** picocli's narrowest; help wider than this is hard to read. */
  private static final int MIN_WIDTH = 55;
  private static final int MAX_WIDTH = 200;
  /** When the width is not known (piped, no COLUMNS). */
  private static final int DEFAULT_WIDTH = 80;

  private static final String USAGE = "bad usage, an unknown connector or name, invalid values (nothing sent, nothing stored)";
  private static final String COULD_NOT_FINISH = "could not finish (unreachable, timeouts, server errors, an unreadable store)";

  private HelpSections() {}

  static void apply(CommandLine top, CliEnvironment environment) {
    // The width is asked for when help is drawn, not for every command: asking the terminal costs a process.
    int[] width = new int[1];
    top.setHelpFactory((spec, colors) -> {
      if (width[0] == 0) {
        width[0] = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Screen.columns(environment).orElse(DEFAULT_WIDTH)));
      }
      spec.usageMessage().width(width[0]);
      return new CommandLine.Help(spec, colors);
    });
    apply(top);
  }

  private static void apply(CommandLine command) {
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
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
    command.getSubcommands().values().forEach(HelpSections::apply);
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
}
