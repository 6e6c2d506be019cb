package dev.plugboard.cli;

import static dev.plugboard.cli.ConsoleText.safe;

import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationEvent;
import dev.plugboard.host.VerificationListener;
import java.io.PrintWriter;

/**
 * A verification as it happens, on a terminal: each phase and scope in a line as it is decided,
 * under them one line of what is still awaited ({@code waiting for 4 of 13 scopes…}), rewritten
 * in place. When the report is in, the lines are erased and the report is printed in their place,
 * so the screen ends as it would without a terminal. Every line is cut to the terminal's width,
 * so that each takes one row and the erasing counts right.
 */
final class TerminalProgress implements VerificationListener {

  /** Back to the start of the line and clear it. */
  private static final String CLEAR_LINE = "\r\u001b[K";

  private final PrintWriter out;
  private final int columns;
  private int rows;
  private int scopes;
  private int decided;

  /** @param columns the terminal's width */
  TerminalProgress(PrintWriter out, int columns) {
    this.out = out;
    this.columns = Math.max(20, columns);
  }

  @Override
  public void on(VerificationEvent event) {
    if (event instanceof VerificationEvent.Started started) {
      scopes = started.scopes().size();
    } else if (event instanceof VerificationEvent.PhaseDecided decided) {
      line(ReportPrinter.phaseLine(decided.phase())); // plain: cut() counts characters
    } else if (event instanceof VerificationEvent.ScopeDecided scope) {
      decided++;
      line(scopeLine(scope.scope()));
    } else {
      out.print(CLEAR_LINE);
      if (rows > 0) {
        out.print("\u001b[" + rows + "A\u001b[J"); // up over the progress lines, and clear from there down
      }
      out.flush();
      return;
    }
    int awaited = scopes - decided;
    out.print(cut(awaited > 0 ? "waiting for " + awaited + " of " + scopes + " scopes…" : "finishing…"));
    out.flush();
  }

  private void line(String text) {
    out.print(CLEAR_LINE + cut(text) + "\n");
    rows++;
  }

  private static String scopeLine(ScopeCheck scope) {
    String evidence = scope.status() == ScopeCheck.Status.GRANTED ? "" : " " + ReportPrinter.evidence(scope.evidence());
    return ("  " + String.format("%-12s", Words.lower(scope.status())) + " " + safe(scope.name()) + "  "
        + safe(scope.permission()) + evidence).stripTrailing();
  }

  /** At most one row less one column: a line that fills the row would wrap the cursor to the next. */
  private String cut(String text) {
    return text.length() < columns ? text : text.substring(0, columns - 2) + "…";
  }
}
