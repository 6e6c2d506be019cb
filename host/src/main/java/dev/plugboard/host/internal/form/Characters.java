package dev.plugboard.host.internal.form;

import java.util.OptionalInt;

/**
 * The characters no value may hold, by their Unicode category rather than by a list: controls
 * (NUL, escape …), format characters (zero-width spaces and joiners, direction marks and
 * overrides, U+061C, U+180E, the interlinear annotations U+FFF9–FFFB, the tags U+E0001…), line and
 * paragraph separators, lone surrogates and noncharacters (U+FDD0–FDEF, U+FFFE and U+FFFF of every
 * plane). They ride along with pasted text and never belong in a credential or an address.
 *
 * <p>The same definition gives the JSON Schema its character class ({@link #invisibleClass()}), written
 * with {@code \\uXXXX} escapes that Java, ECMAScript and Python read alike. That class holds the
 * Basic Multilingual Plane's characters only: a character beyond it is two UTF-16 units that the
 * engines match differently, so the schema leaves those (the tags, noncharacters of other planes)
 * and lone surrogates to the host's check, which every value passes before it is used.
 */
final class Characters {

  private Characters() {}

  /** The index of the first character no value may hold, if there is one. */
  static OptionalInt firstInvisible(String value) {
    for (int at = 0; at < value.length(); ) {
      int codePoint = value.codePointAt(at);
      if (invisible(codePoint)) {
        return OptionalInt.of(at);
      }
      at += Character.charCount(codePoint);
    }
    return OptionalInt.empty();
  }

  /** Whether no value may hold the character. */
  static boolean invisible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE -> true;
      default -> noncharacter(codePoint) || tag(codePoint);
    };
  }

  private static boolean noncharacter(int codePoint) {
    return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
  }

  /** The Tags block, assigned or not (its assigned characters are format characters). */
  private static boolean tag(int codePoint) {
    return codePoint >= 0xE0000 && codePoint <= 0xE007F;
  }

  /**
   * The characters of the Basic Multilingual Plane no value may hold, as a portable regular
   * expression class: only the JSON Schema needs it, so it is drawn when first asked for.
   */
  static String invisibleClass() {
    return SchemaClass.INVISIBLE;
  }

  private static final class SchemaClass {
    static final String INVISIBLE = basicPlaneClass();
  }

  /** {@code U+0430 (CYRILLIC SMALL LETTER A)}: a character named without printing it, for messages. */
  static String describe(int codePoint) {
    String name = Character.getName(codePoint);
    return String.format("U+%04X", codePoint) + (name == null ? "" : " (" + name + ")");
  }

  private static String basicPlaneClass() {
    StringBuilder out = new StringBuilder("[");
    int c = 0;
    while (c <= 0xFFFF) {
      if (!inBasicPlaneClass(c)) {
        c++;
        continue;
      }
      int last = c;
      while (last + 1 <= 0xFFFF && inBasicPlaneClass(last + 1)) {
        last++;
      }
      out.append(escape(c));
      if (last > c) {
        out.append('-').append(escape(last));
      }
      c = last + 1;
    }
    return out.append(']').toString();
  }

  /** Lone surrogates are left out: an engine reading UTF-16 units would take them for halves of a pair. */
  private static boolean inBasicPlaneClass(int c) {
    return invisible(c) && !Character.isSurrogate((char) c);
  }

  private static String escape(int c) {
    return String.format("\\u%04x", c);
  }
}
