package dev.plugboard.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option: amounts with units, one or more ({@code 500ms}, {@code 30s}, {@code 1.5s},
 * {@code 1m30s}, {@code 2h}), a bare number of seconds ({@code 10}, {@code 2.5}), or ISO-8601 ({@code PT30S}).
 */
final class DurationConverter implements ITypeConverter<Duration> {

  /** What the options' help and README say is accepted. */
  static final String FORMS = "500ms, 30s, 1.5s, 1m30s, 2h, a number of seconds or PT30S";

  private static final String AMOUNT = "\\d{1,12}(?:\\.\\d{1,9})?";
  private static final Pattern SECONDS = Pattern.compile(AMOUNT);
  private static final Pattern WITH_UNITS = Pattern.compile("(?:" + AMOUNT + "(?:ms|h|m|s))+");
  private static final Pattern PART = Pattern.compile("(" + AMOUNT + ")(ms|h|m|s)");
  private static final String REFUSED = "a duration more than zero, such as 500ms, 30s, 2m or 1h";

  @Override
  public Duration convert(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    Duration duration;
    try {
      if (SECONDS.matcher(value).matches()) {
        duration = nanos(new BigDecimal(value), 1_000_000_000L);
      } else if (WITH_UNITS.matcher(value).matches()) {
        duration = Duration.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
          duration = duration.plus(nanos(new BigDecimal(part.group(1)), switch (part.group(2)) {
            case "ms" -> 1_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000_000_000L;
          }));
        }
      } else {
        duration = Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      duration.toNanos(); // deadlines are kept in nanoseconds: some 292 years at most
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new TypeConversionException(REFUSED); // not the text: it may be a secret in the wrong place
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new TypeConversionException(REFUSED); // not the text: it may be a secret in the wrong place
    }
    return duration;
  }

  private static Duration nanos(BigDecimal amount, long nanosPerUnit) {
    return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValueExact());
  }
}
