package dev.plugboard.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * What a run of the CLI reads and writes, passed in rather than taken from {@code System} so
 * that tests run the real commands.
 *
 * @param out where results go
 * @param err where problems go
 * @param in standard input
 * @param env the environment variables
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {

  public CliEnvironment {
    env = Map.copyOf(env);
  }

  /** The variable's value, when set and not blank. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
  }
}
