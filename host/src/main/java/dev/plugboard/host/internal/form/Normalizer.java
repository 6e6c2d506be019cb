package dev.plugboard.host.internal.form;

import dev.plugboard.api.descriptor.Normalization;
import java.util.List;
import java.util.Locale;

/**
 * A field's clean-ups ({@link Normalization}), applied in the declared order before any check.
 * Front ends apply the same ones before validating a value against the form's JSON Schema.
 */
public final class Normalizer {

  /** Pairs of quotes a value may arrive in when pasted from a file, a chat or a document. */
  private static final List<String> QUOTE_PAIRS = List.of("\"\"", "''", "``", "\u201c\u201d", "\u2018\u2019");

  private Normalizer() {}

  public static String apply(List<Normalization> steps, String raw) {
    String value = raw;
    for (Normalization step : steps) {
      value = switch (step) {
        case TRIM -> trim(value);
        case STRIP_QUOTES -> stripQuotes(value);
        case LOWERCASE -> value.toLowerCase(Locale.ROOT);
      };
    }
    return value;
  }

  /** White space at both ends, including non-breaking spaces and a byte-order mark, as pasted from web pages. */
  static String trim(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && blank(value.charAt(start))) {
      start++;
    }
    while (end > start && blank(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean blank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }

  private static String stripQuotes(String value) {
    if (value.length() >= 2) {
      String pair = value.substring(0, 1) + value.charAt(value.length() - 1);
      if (QUOTE_PAIRS.contains(pair)) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }
}
