package dev.plugboard.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout}, for the commands that verify. */
final class TimeoutOption {

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Deadline for the whole verification, retries included (default 30s): such as "
          + DurationConverter.FORMS + ".")
  Duration value;
}
