package dev.plugboard.host.cli;

import dev.plugboard.api.sandbox.SandboxOptions;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options {@code verify} and {@code connect} share, besides the values. */
final class RunOptions {

  @Option(names = "--json", description = "Print one JSON document (the verification report) on stdout.")
  boolean json;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Deadline for the whole verification, retries included: 30s (default), 2m, 500ms.")
  String timeout;

  @Option(
      names = "--sandbox",
      description = "Verify against the connector's sandbox, a stand-in for the platform started on this machine"
          + " for this run; its account's values are offered as the defaults.")
  boolean sandbox;

  @Option(
      names = "--sandbox-scopes",
      paramLabel = "LIST",
      split = ",",
      description = "With --sandbox: grant only these scopes (names or ids, comma-separated), to see what a missing"
          + " scope looks like.")
  List<String> sandboxScopes = new ArrayList<>();

  /** The verification deadline asked for, if any. */
  Duration timeout() {
    if (timeout == null) {
      return null;
    }
    String text = timeout.trim().toLowerCase(Locale.ROOT);
    try {
      Duration duration;
      if (text.endsWith("ms")) {
        duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      } else if (text.endsWith("s")) {
        duration = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.endsWith("m")) {
        duration = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.startsWith("pt")) {
        duration = Duration.parse(text);
      } else {
        duration = Duration.ofSeconds(Long.parseLong(text));
      }
      if (duration.isNegative() || duration.isZero()) {
        throw new UsageException("--timeout must be more than zero, such as 30s, 2m or 500ms, not " + timeout);
      }
      duration.toNanos(); // the deadline is kept in nanoseconds; some 292 years at most
      return duration;
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new UsageException("--timeout takes a duration such as 30s, 2m or 500ms, not " + timeout);
    }
  }

  /** What the sandbox should grant, when {@code --sandbox} is given. */
  SandboxOptions sandboxOptions() {
    if (!sandbox && !sandboxScopes.isEmpty()) {
      throw new UsageException("--sandbox-scopes needs --sandbox");
    }
    List<String> scopes = sandboxScopes.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    return scopes.isEmpty() ? SandboxOptions.defaults() : SandboxOptions.builder().grant(scopes).build();
  }
}
