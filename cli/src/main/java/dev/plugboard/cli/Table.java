package dev.plugboard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Rows of cells in aligned columns, for a person. When the width of the screen is known and the
 * rows would be wider, one column (the one whose text is longest and least needed whole, such as
 * an account's name) is narrowed and its text wrapped onto more lines within it, so that every line
 * fits; on a screen too narrow even for that, each row is printed as a block of lines, a cell a
 * line under its heading. Unknown (piped), each row is one line, however long. Cells are text already
 * {@link ConsoleText#safe}, and may be {@link Palette painted}: widths leave colour out.
 *
 * <pre>{@code
 * Table table = new Table(2, "NAME", "CONNECTOR", "ACCOUNT", "STATUS");
 * table.row(name, connector, safe(account), palette.status("verified"));
 * table.print(out, Screen.columns(environment));
 * }</pre>
 */
final class Table {

  /** Space between columns. */
  private static final String GAP = "  ";

  /** The narrowest a wrapped column becomes, however narrow the screen. */
  private static final int NARROWEST = 12;

  private final int wrapping;
  private final List<List<String>> rows = new ArrayList<>();
  private String indent = "";

  /**
   * @param wrapping the column that narrows and wraps to fit
   * @param headings the first row
   */
  Table(int wrapping, String... headings) {
    if (wrapping < 0 || wrapping >= headings.length) {
      throw new IllegalArgumentException("wrapping column " + wrapping + " is not one of " + headings.length);
    }
    this.wrapping = wrapping;
    row(headings);
  }

  /** Every line starts with {@code indent}. */
  Table indented(String indent) {
    this.indent = indent;
    return this;
  }

  Table row(String... cells) {
    if (!rows.isEmpty() && cells.length != rows.get(0).size()) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + rows.get(0).size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  void print(PrintWriter out, OptionalInt screen) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], Palette.width(row.get(i)));
      }
    }
    if (screen.isPresent()) {
      int total = indent.length() + GAP.length() * (columns - 1);
      for (int width : widths) {
        total += width;
      }
      int over = total - screen.getAsInt();
      if (over > 0) {
        int floor = Math.min(widths[wrapping], Math.max(NARROWEST, Palette.width(rows.get(0).get(wrapping))));
        if (widths[wrapping] - over < floor) {
          printStacked(out, screen.getAsInt());
          return;
        }
        widths[wrapping] -= over;
      }
    }
    for (List<String> row : rows) {
      List<String> wrapped = Wrapping.lines(row.get(wrapping), widths[wrapping], true);
      for (int line = 0; line < wrapped.size(); line++) {
        StringBuilder text = new StringBuilder(indent);
        for (int i = 0; i < columns; i++) {
          String cell = i == wrapping ? wrapped.get(line) : line == 0 ? row.get(i) : "";
          text.append(cell);
          if (i < columns - 1) {
            text.append(" ".repeat(widths[i] - Palette.width(cell))).append(GAP);
          }
        }
        out.println(text.toString().stripTrailing());
      }
    }
  }

  /**
   * Too narrow a screen for the columns side by side: each row as a block, its first and last
   * cells on one line (a connection's name and status), every other cell on a line of its own
   * under its heading, wrapped to fit.
   */
  private void printStacked(PrintWriter out, int screen) {
    List<String> headings = rows.get(0);
    int last = headings.size() - 1;
    int label = headings.subList(1, last).stream().mapToInt(Palette::width).max().orElse(0);
    String labelIndent = indent + "  ";
    for (List<String> row : rows.subList(1, rows.size())) {
      out.println((indent + row.get(0) + (last > 0 ? GAP + row.get(last) : "")).stripTrailing());
      for (int i = 1; i < last; i++) {
        String prefix = labelIndent + headings.get(i) + " ".repeat(label - Palette.width(headings.get(i))) + GAP;
        List<String> lines = Wrapping.lines(row.get(i), Math.max(NARROWEST, screen - prefix.length()), true);
        for (int line = 0; line < lines.size(); line++) {
          out.println(((line == 0 ? prefix : " ".repeat(prefix.length())) + lines.get(line)).stripTrailing());
        }
      }
    }
  }
}
