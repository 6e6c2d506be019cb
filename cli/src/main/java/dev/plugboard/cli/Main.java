package dev.plugboard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code plugboard}: the command line entry point. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    quietLogging();
    // UTF-8 whatever the locale: guides and labels hold characters such as → and &.
    CliEnvironment environment = new CliEnvironment(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        System.in,
        System.getenv());
    int code = Cli.run(args, environment);
    environment.out().flush();
    environment.err().flush();
    System.exit(code);
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
