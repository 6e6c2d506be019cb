package dev.plugboard.host.internal.form;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters no value may hold: control characters (NUL, escape ...) and the invisible
 * formatting marks that ride along with pasted text (zero-width spaces, direction overrides). One
 * definition serves the host's check and the JSON Schema's patterns, so they cannot drift apart.
 */
final class Characters {

  /** A regular expression character class, written with {@code \\uXXXX} escapes that Java, ECMAScript and Python read alike. */
  static final String INVISIBLE_CLASS =
      "[\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff]";

  private static final Pattern INVISIBLE = Pattern.compile(INVISIBLE_CLASS);

  private Characters() {}

  /** The index of the first character no value may hold, if there is one. */
  static OptionalInt firstInvisible(String value) {
    Matcher matcher = INVISIBLE.matcher(value);
    return matcher.find() ? OptionalInt.of(matcher.start()) : OptionalInt.empty();
  }

  /** {@code U+0430 (CYRILLIC SMALL LETTER A)}: a character named without printing it, for messages. */
  static String describe(int codePoint) {
    String name = Character.getName(codePoint);
    return String.format("U+%04X", codePoint) + (name == null ? "" : " (" + name + ")");
  }
}
