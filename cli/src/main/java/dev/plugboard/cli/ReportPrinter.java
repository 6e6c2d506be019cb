package dev.plugboard.cli;

import static dev.plugboard.host.internal.ConsoleText.safe;

import dev.plugboard.host.Evidence;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Prints a verification report for a person: each phase, the account, every scope with what to
 * do about a missing one, the findings, and the verdict with its exit code. Holds no secret,
 * since the report holds none. Text from the server (the account's name) or the plugin is
 * printed {@link dev.plugboard.host.internal.ConsoleText#safe}, so it can neither steer the
 * terminal nor forge a line such as the verdict.
 */
final class ReportPrinter {

  private final PrintWriter out;

  ReportPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(VerificationReport report) {
    for (PhaseCheck phase : report.phases()) {
      out.println(phaseLine(phase));
    }
    printFields(report.fields());
    if (report.account().known() && !report.account().display().isEmpty()) {
      out.println();
      out.println("Connected to " + safe(report.account().display()));
    }
    printScopes(report.connector(), report.scopes());
    printProblems("Problems:", report.problems());
    printProblems("Warnings (verified all the same):", report.warnings());
    out.println();
    out.println("Result: " + verdict(report));
  }

  /** {@code   ok           credentials   BigCommerce accepted the credentials}. */
  static String phaseLine(PhaseCheck phase) {
    return String.format("  %-12s %-13s %s", word(phase.status()), Words.lower(phase.phase()), safe(phase.message()));
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
      out.printf("  %-9s %s: %s%n", state, field.id(), safe(field.message()));
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
      out.println(String.format("  %-12s %-" + name + "s  %-" + permission + "s  %s", Words.lower(scope.status()),
          safe(scope.name()), safe(scope.permission()), evidence).stripTrailing());
      if (scope.status() == ScopeCheck.Status.MISSING && !scope.remediation().isEmpty()) {
        out.println("  " + " ".repeat(13) + "→ " + safe(scope.remediation()));
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
      out.println("  " + safe(problem.message()) + problem.evidence().map(evidence -> " " + evidence(evidence)).orElse(""));
      if (!problem.remediation().isEmpty()) {
        out.println("    What to do: " + safe(problem.remediation()));
      }
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

  private static String verdict(VerificationReport report) {
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
