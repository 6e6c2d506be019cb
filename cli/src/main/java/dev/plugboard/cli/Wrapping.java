package dev.plugboard.cli;

import java.util.ArrayList;
import java.util.List;

/** Text broken into lines at spaces, for {@code describe}'s paragraphs and a {@link Table}'s narrowed column. */
final class Wrapping {

  private Wrapping() {}

  /**
   * {@code text}'s words in lines of at most {@code width} columns (at least one line, maybe
   * empty). A word longer than a line stays whole on a line of its own (an address stays one to
   * copy), unless {@code breakLongWords}: then it is cut to fit, after a dot, dash or slash where it can. Text with colour is not wrapped.
   */
  static List<String> lines(String text, int width, boolean breakLongWords) {
    List<String> lines = new ArrayList<>();
    if (Palette.width(text) <= width || text.indexOf('\u001b') >= 0) {
      lines.add(text);
      return lines;
    }
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      while (breakLongWords && word.length() > width) {
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        int cut = cut(word, width);
        lines.add(word.substring(0, cut));
        word = word.substring(cut);
      }
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** Where to cut a word too long for a line: after its last {@code . - / _} in the line's second half, else at the end of the line. */
  private static int cut(String word, int width) {
    for (int i = width; i > Math.max(1, width / 2); i--) {
      if (".-/_".indexOf(word.charAt(i - 1)) >= 0) {
        return i;
      }
    }
    return width;
  }
}
