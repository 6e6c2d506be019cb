package dev.plugboard.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --timeout}: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, a number of seconds, or ISO-8601 {@code PT30S}. */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern AMOUNT = Pattern.compile("(\\d{1,12})(ms|s|m|h)?");
  private static final String FORMS = "a duration more than zero, such as 500ms, 30s, 2m or 1h";

  @Override
  public Duration convert(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Duration duration;
    try {
      Matcher matcher = AMOUNT.matcher(value);
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        duration = switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofSeconds(amount);
        };
      } else {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      duration.toNanos(); // deadlines are kept in nanoseconds: some 292 years at most
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new TypeConversionException(FORMS); // not the text: it may be a secret in the wrong place
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new TypeConversionException(FORMS); // not the text: it may be a secret in the wrong place
    }
    return duration;
  }
}
