package dev.plugboard.cli;

import dev.plugboard.host.Plugboard;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code plugboard}: the command line entry point. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    quietLogging();
    if (loadsPlugins(args)) {
      // Building the host and reading the plugins' descriptors start on another core while picocli
      // builds the command line.
      try {
        Plugboard.prepareLoading(pluginsDir(args));
      } catch (RuntimeException e) {
        // a folder name that is no path: the command itself says so, in words
      }
    }
    // UTF-8 whatever the locale: guides and labels hold characters such as → and &.
    CliEnvironment environment = new CliEnvironment(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        System.in,
        System.getenv(),
        TerminalInput.interactive());
    int code = Cli.run(args, environment);
    environment.out().flush();
    environment.err().flush();
    System.exit(code);
  }

  /** Whether {@code args} name a command, all of which load the plugins (--help and --version do not). */
  private static boolean loadsPlugins(String[] args) {
    return List.of(args).stream().anyMatch(CommandTree.NAMES::contains);
  }

  /** The plugins folder as {@link PlugboardCommand#pluginsDir()} will find it, read from {@code args} before picocli does. */
  private static Path pluginsDir(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--plugins-dir") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--plugins-dir=")) {
        return Path.of(args[i].substring("--plugins-dir=".length()));
      }
    }
    return Optional.ofNullable(System.getenv("PLUGBOARD_PLUGINS_DIR"))
        .or(() -> Optional.ofNullable(System.getProperty(PlugboardCommand.PLUGINS_DIR_PROPERTY)))
        .map(Path::of)
        .orElse(Path.of("plugins"));
  }

  /**
   * The CLI reports problems itself, in words; library logging stays at warnings (PF4J's own
   * messages about plugins are off, since {@code plugboard plugins} shows them). Set
   * {@code PLUGBOARD_LOG=debug} to see more.
   */
  private static void quietLogging() {
    String level = System.getenv().getOrDefault("PLUGBOARD_LOG", "warn");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
    // PF4J's INFO lines (plugin found, resolved, started) only at debug; plugboard plugins shows them.
    setIfAbsent("org.slf4j.simpleLogger.log.org.pf4j",
        level.equals("debug") || level.equals("trace") ? level : level.equals("info") ? "warn" : "off");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    // Finding a library's plugged-in parts by asking every jar of the class path for a file opens
    // each jar, about 40 ms of a command's start-up: slf4j is told its provider (and, so told,
    // says so only at warnings) and picocli not to look for Groovy.
    setIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    setIfAbsent("slf4j.internal.verbosity", "WARN");
    setIfAbsent("picocli.disable.closures", "true");
    // Nor need picocli look up, by reflection, converters for java.sql and java.time types, for
    // every command line it builds: no option has such a type (durations have DurationConverter).
    setIfAbsent("picocli.converters.excludes", "java[.](sql|time)[.].*");
    // Guice need not make classes at run time (no AOP here); on Java 24+ its way of doing it warns.
    setIfAbsent("guice_bytecode_gen_option", "DISABLED");
    // Nor need it record where each binding was made (for its own error messages): a start-up cost.
    setIfAbsent("guice_include_stack_traces", "OFF");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
