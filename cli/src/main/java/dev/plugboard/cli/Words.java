package dev.plugboard.cli;

import java.util.Locale;

/** How the CLI writes states and kinds: as the lowercase words of the JSON documents. */
final class Words {

  private Words() {}

  /** {@code MISSING} → {@code missing}. */
  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
