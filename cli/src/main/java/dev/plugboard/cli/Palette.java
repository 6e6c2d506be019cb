package dev.plugboard.cli;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Colour for the words that say how things stand (granted, missing, failed, verified, warnings),
 * on a terminal only. {@code --color auto} (the default) colours when standard output is a
 * terminal, {@code TERM} is set and not {@code dumb}, and {@code NO_COLOR} is unset or empty
 * (no-color.org); {@code always} and {@code never} say so whatever those are. Colour is added to
 * text already made {@link ConsoleText#safe}, which shows every ESC it came with as {@code \u001b}:
 * so every escape sequence in a line is one of these, and {@link #width} can leave them out.
 * JSON is never painted.
 */
final class Palette {

  /** When to colour: {@code --color WHEN}. */
  enum When { AUTO, ALWAYS, NEVER }

  /** What a word says: good (green), bad (red), a warning (yellow) or nothing decided (dim). */
  enum Tone {
    GOOD("32"), BAD("31"), WARNING("33"), QUIET("2");

    private final String code;

    Tone(String code) {
      this.code = code;
    }
  }

  static final Palette PLAIN = new Palette(false);

  private static final String RESET = "\u001b[0m";
  private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  private final boolean colour;

  private Palette(boolean colour) {
    this.colour = colour;
  }

  static Palette of(CliEnvironment environment, When when) {
    return new Palette(switch (when) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> environment.outIsTerminal()
          && environment.env().getOrDefault("NO_COLOR", "").isEmpty() // set to anything, even a space
          && environment.variable("TERM").filter(term -> !term.equals("dumb")).isPresent();
    });
  }

  String paint(String text, Tone tone) {
    return colour && !text.isEmpty() ? "\u001b[" + tone.code + "m" + text + RESET : text;
  }

  /** A status word in its tone ({@code granted} green, {@code missing} red...); other words as they are. */
  String status(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "granted", "verified", "ok", "loaded", "open" -> paint(word, Tone.GOOD);
      case "missing", "failed", "invalid", "rejected" -> paint(word, Tone.BAD);
      case "inconclusive", "warning", "expired" -> paint(word, Tone.WARNING);
      case "skipped" -> paint(word, Tone.QUIET);
      default -> word;
    };
  }

  /** {@link #status} padded with spaces to {@code width} columns. */
  String status(String word, int width) {
    return status(word) + " ".repeat(Math.max(0, width - word.length()));
  }

  /** How many columns {@code text} takes on screen: its length, colour left out. */
  static int width(String text) {
    return text.indexOf('\u001b') < 0 ? text.length() : SGR.matcher(text).replaceAll("").length();
  }
}
