package dev.plugboard.cli;

import static dev.plugboard.cli.ConsoleText.safe;

import dev.plugboard.host.Evidence;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Prints a verification report for a person: each phase, the account, every scope with what to
 * do about a missing one, the findings, and the verdict with its exit code. Holds no secret,
 * since the report holds none. Text from the server (the account's name) or the plugin is
 * printed {@link ConsoleText#safe}, so it can neither steer the
 * terminal nor forge a line such as the verdict.
 */
final class ReportPrinter {

  private final PrintWriter out;
  private final Palette palette;
  private final OptionalInt screen;

  /** @param screen the screen's width ({@link Screen#columns}), when known: long lines are wrapped to it */
  ReportPrinter(PrintWriter out, Palette palette, OptionalInt screen) {
    this.out = out;
    this.palette = palette;
    this.screen = screen;
  }

  void print(VerificationReport report) {
    for (PhaseCheck phase : report.phases()) {
      line(phasePrefix(phase, palette), safe(phase.message()), " ".repeat(29));
    }
    printFields(report.fields());
    if (report.account().known() && !report.account().display().isEmpty()) {
      out.println();
      out.println("Connected to " + safe(report.account().display()));
    }
    printScopes(report.connector(), report.scopes());
    printProblems(palette.paint("Problems:", Palette.Tone.BAD), report.problems());
    printProblems(palette.paint("Warnings (verified all the same):", Palette.Tone.WARNING), report.warnings());
    out.println();
    out.println("Result: " + verdict(report));
  }

  /** {@code   ok           credentials   BigCommerce accepted the credentials}, plain. */
  static String phaseLine(PhaseCheck phase) {
    return phasePrefix(phase, Palette.PLAIN) + safe(phase.message());
  }

  private static String phasePrefix(PhaseCheck phase, Palette palette) {
    return "  " + palette.status(word(phase.status()), 12) + String.format(" %-13s ", Words.lower(phase.phase()));
  }

  private void printFields(List<FieldCheck> fields) {
    List<FieldCheck> notable = fields.stream()
        .filter(field -> field.status() != FieldCheck.Status.OK || !field.message().isEmpty()).toList();
    if (notable.isEmpty()) {
      return;
    }
    out.println();
    out.println("Values:");
    for (FieldCheck field : notable) {
      String state = field.status() == FieldCheck.Status.OK ? "warning" : Words.lower(field.status());
      line("  " + palette.status(state, 9) + " ", field.id() + ": " + safe(field.message()), " ".repeat(12));
    }
  }

  private void printScopes(String connector, List<ScopeCheck> scopes) {
    if (scopes.isEmpty()) {
      return;
    }
    out.println();
    if (scopes.stream().allMatch(scope -> scope.status() == ScopeCheck.Status.SKIPPED)) {
      // the phase lines say why; a line per scope would say 'skipped' thirteen times
      out.println("Scopes: none of the " + scopes.size() + " was checked (`plugboard describe " + safe(connector)
          + "` lists them)");
      return;
    }
    out.println("Scopes:");
    int name = scopes.stream().mapToInt(s -> safe(s.name()).length()).max().orElse(0);
    int permission = scopes.stream().mapToInt(s -> safe(s.permission()).length()).max().orElse(0);
    for (ScopeCheck scope : scopes) {
      String evidence = scope.status() == ScopeCheck.Status.GRANTED ? "" : evidence(scope.evidence());
      String row = "  " + palette.status(Words.lower(scope.status()), 12) + String.format(" %-" + name + "s  %-"
          + permission + "s  ", safe(scope.name()), safe(scope.permission()));
      if (evidence.isEmpty() || screen.isEmpty() || Palette.width(row + evidence) <= screen.getAsInt()) {
        out.println((row + evidence).stripTrailing());
      } else {
        out.println(row.stripTrailing()); // the evidence under it, whole if it fits
        line(" ".repeat(15), evidence, " ".repeat(15));
      }
      if (scope.status() == ScopeCheck.Status.MISSING && !scope.remediation().isEmpty()) {
        line("  " + " ".repeat(13) + "→ ", safe(scope.remediation()), " ".repeat(17));
      }
    }
  }

  private void printProblems(String heading, List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    out.println();
    out.println(heading);
    for (Problem problem : problems) {
      line("  ", safe(problem.message()) + problem.evidence().map(evidence -> " " + evidence(evidence)).orElse(""), "  ");
      if (!problem.remediation().isEmpty()) {
        line("    What to do: ", safe(problem.remediation()), " ".repeat(16));
      }
    }
  }

  /** {@code first} then {@code safeText}, wrapped to the screen when its width is known, later lines after {@code rest}. */
  private void line(String first, String safeText, String rest) {
    if (screen.isEmpty()) {
      out.println(first + safeText);
      return;
    }
    int width = Math.max(20, screen.getAsInt() - Math.max(Palette.width(first), rest.length()));
    List<String> lines = Wrapping.lines(safeText, width, false);
    for (int i = 0; i < lines.size(); i++) {
      out.println((i == 0 ? first : rest) + lines.get(i));
    }
  }

  /** {@code (GET api.example/v2/orders/count → 403, 2 attempts)}: never a header, never a body. */
  static String evidence(Optional<Evidence> evidence) {
    return evidence.map(ReportPrinter::evidence).orElse("");
  }

  /** {@code (GET api.example/v2/orders/count → 403, 2 attempts)}: never a header, never a body. */
  static String evidence(Evidence evidence) {
    StringBuilder text = new StringBuilder("(").append(evidence.method()).append(' ').append(evidence.host())
        .append(evidence.path()).append(" → ");
    text.append(evidence.status().isPresent() ? Integer.toString(evidence.status().getAsInt()) : evidence.detail());
    if (evidence.attempts() > 1) {
      text.append(", ").append(evidence.attempts()).append(" attempts");
    }
    if (evidence.status().isPresent() && !evidence.detail().isEmpty()) {
      text.append(", ").append(evidence.detail());
    }
    return safe(text.append(')').toString());
  }

  /** The verdict, its first word in its colour. */
  private String verdict(VerificationReport report) {
    String verdict = plainVerdict(report);
    int end = 0;
    while (end < verdict.length() && Character.isLetter(verdict.charAt(end))) {
      end++;
    }
    String word = verdict.substring(0, end);
    return palette.paint(word, report.verified() ? Palette.Tone.GOOD
        : report.status() == VerificationReport.Status.INCONCLUSIVE ? Palette.Tone.WARNING : Palette.Tone.BAD)
        + verdict.substring(end);
  }

  private static String plainVerdict(VerificationReport report) {
    long missing = report.scopes().stream().filter(s -> s.status() == ScopeCheck.Status.MISSING).count();
    long inconclusive = report.scopes().stream().filter(s -> s.status() == ScopeCheck.Status.INCONCLUSIVE).count();
    return switch (report.status()) {
      case VERIFIED -> "verified: every scope is granted (exit 0)";
      case FAILED -> "failed: " + (missing > 0 ? missing + " of " + report.scopes().size() + " scopes missing"
          : report.problems().isEmpty() ? "see above" : sentence(report.problems().get(0).message())) + " (exit 1)";
      case INVALID -> "invalid values" + invalidFields(report.fields()) + ": nothing was sent (exit 2)";
      case INCONCLUSIVE -> "inconclusive" + (inconclusive > 0
          ? ": " + inconclusive + (inconclusive == 1 ? " scope" : " scopes") + " could not be checked" : "")
          + "; try again later (exit 3)";
    };
  }

  /** A finding's message as part of the result line: no closing full stop. */
  private static String sentence(String message) {
    String text = safe(message).strip();
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  /** {@code  (api_path, access_token)}: the fields at fault, by id. */
  private static String invalidFields(List<FieldCheck> fields) {
    List<String> ids = fields.stream().filter(field -> field.status() != FieldCheck.Status.OK).map(FieldCheck::id).toList();
    return ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")";
  }

  private static String word(PhaseCheck.Outcome outcome) {
    return switch (outcome) {
      case PASSED -> "ok";
      case FAILED -> "FAILED";
      case INCONCLUSIVE -> "inconclusive";
      case SKIPPED -> "skipped";
    };
  }

  /** The exit code a report ends the CLI with. */
  static int exitCode(VerificationReport report) {
    return switch (report.status()) {
      case VERIFIED -> ExitCode.OK;
      case FAILED -> ExitCode.VERIFICATION_FAILED;
      case INVALID -> ExitCode.USAGE;
      case INCONCLUSIVE -> ExitCode.COULD_NOT_FINISH;
    };
  }
}
