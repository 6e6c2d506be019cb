package dev.plugboard.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The one way the CLI prints a moment for a person: {@code 2026-12-01 23:59 UTC}. JSON keeps ISO-8601. */
final class Times {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Times() {}

  static String format(Instant instant) {
    return WHEN.format(instant);
  }
}
