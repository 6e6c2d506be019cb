package dev.plugboard.cli;

/**
 * Makes text that came from outside (a server's answer, such as a store's name; a plugin's
 * descriptor or exception message) safe for the CLI to print on a terminal: every
 * character that could steer the terminal or change what the reader sees is shown as a visible
 * escape instead of taking effect. ESC, which starts terminal sequences (ESC [ …, ESC ] … for the
 * window title), becomes {@code \u001b}; a newline that could forge a line such as
 * {@code Result: verified} becomes {@code \n}; a right-to-left override that reorders what is read
 * becomes {@code \u202e}. Letters of every script, and emoji, are kept. JSON output keeps such
 * text verbatim (JSON escapes it its own way); everything printed for people goes through here,
 * before any colour is added.
 *
 * <pre>{@code
 * out.println("Connected to " + ConsoleText.safe(account.display()));
 * }</pre>
 */
final class ConsoleText {

  private ConsoleText() {}

  /**
   * {@code text} on one line with these shown as escapes: C0 and C1 control characters (ESC, CR,
   * LF, TAB, BEL, DEL, CSI U+009B…), Unicode format characters (bidirectional overrides,
   * embeddings and isolates, invisible separators; the zero-width joiners of emoji stay), line
   * and paragraph separators, lone surrogates, and the backslash itself (so that an escape
   * cannot be faked). {@code null} is shown as an empty string.
   */
  static String safe(String text) {
    if (text == null) {
      return "";
    }
    if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '\\')) {
      return text; // the common case: printable ASCII
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (visible(c)) {
            out.appendCodePoint(c);
          } else {
            out.append(String.format("\\u%04x", c));
          }
        }
      }
    });
    return out.toString();
  }

  private static boolean visible(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
          Character.UNASSIGNED -> false;
      case Character.FORMAT -> c == 0x200C || c == 0x200D; // the joiners that emoji and some scripts need
      default -> true;
    };
  }
}
