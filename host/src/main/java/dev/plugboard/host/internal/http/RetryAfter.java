package dev.plugboard.host.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Reads the waits platforms ask for: {@code Retry-After} as seconds ({@code 2}), fractional
 * seconds ({@code 2.0}, as some platforms send) or an HTTP date; a reset in milliseconds, as some
 * platforms report it. Every wait saturates instead of overflowing: a platform that asks for 10^13 ms
 * is heard as asking for longer than any deadline, never as asking for no wait.
 */
final class RetryAfter {

  /** Longer than any deadline, and far from overflowing when added to {@link System#nanoTime()}. */
  static final long FOREVER_NANOS = Duration.ofDays(365L * 100).toNanos();

  private RetryAfter() {}

  /** A {@code Retry-After} value in nanoseconds, or empty when it is none of the three forms. */
  static OptionalLong nanos(String value, Clock clock) {
    if (value == null) {
      return OptionalLong.empty();
    }
    String text = value.trim();
    try {
      double seconds = Double.parseDouble(text);
      if (Double.isNaN(seconds) || seconds < 0) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(saturated(seconds * 1e9));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        long millis = when.toInstant().toEpochMilli() - clock.millis();
        return OptionalLong.of(millis <= 0 ? 0 : saturated(millis * 1e6));
      } catch (DateTimeParseException notADate) {
        return OptionalLong.empty();
      }
    }
  }

  /** Milliseconds as nanoseconds, saturating. */
  static long millisToNanos(long millis) {
    return millis >= FOREVER_NANOS / 1_000_000 ? FOREVER_NANOS : millis * 1_000_000;
  }

  private static long saturated(double nanos) {
    return nanos >= FOREVER_NANOS ? FOREVER_NANOS : (long) nanos;
  }
}
