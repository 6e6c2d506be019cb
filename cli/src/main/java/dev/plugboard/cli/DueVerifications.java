package dev.plugboard.cli;

import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.UnknownConnectionException;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.JsonOutput;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code connections verify --due}: every connection due for re-verification, of every tenant,
 * earliest first, each recorded with its next check one period later (give or take a tenth, so
 * that connections verified together fall due apart). For a cron job where no application runs
 * the scheduled re-verification; exits 0 when every one verified, 1 when one failed, 3 when one
 * could not be finished.
 */
final class DueVerifications {

  private static final int BATCH = 100;

  private DueVerifications() {}

  static int run(Plugboard host, PrintWriter out, boolean json, Duration every) {
    Set<String> seen = new HashSet<>();
    List<Map<String, Object>> results = new ArrayList<>();
    int exit = ExitCode.OK;
    Instant now = Instant.now();
    for (List<Connection> batch; !(batch = unseen(host.connections().due(now, BATCH), seen)).isEmpty(); ) {
      for (Connection connection : batch) {
        VerificationReport report;
        try {
          report = host.verifyConnection(connection.tenant(), connection.name(), next(every));
        } catch (UnknownConnectionException e) {
          continue; // removed meanwhile
        }
        exit = worse(exit, ReportPrinter.exitCode(report));
        results.add(result(connection, report));
        if (!json) {
          out.println(line(connection, report));
        }
      }
    }
    if (json) {
      out.println(JsonOutput.write(Map.of("verified", results)));
    } else if (results.isEmpty()) {
      out.println("No connection is due for re-verification.");
    } else {
      out.println("Verified " + results.size() + (results.size() == 1 ? " connection" : " connections")
          + "; each is due again in about " + human(every) + ".");
    }
    return exit;
  }

  private static List<Connection> unseen(List<Connection> due, Set<String> seen) {
    // A connection whose values changed while it was verified keeps its due time: once a run is enough.
    return due.stream().filter(c -> seen.add(c.tenant() + "/" + c.name())).toList();
  }

  private static Instant next(Duration every) {
    double factor = 1 + ThreadLocalRandom.current().nextDouble(-0.1, 0.1);
    return Instant.now().plusNanos(Math.round(every.toNanos() * factor));
  }

  private static String line(Connection connection, VerificationReport report) {
    StringBuilder line = new StringBuilder(connection.name());
    if (!ConnectionNames.DEFAULT_TENANT.equals(connection.tenant())) {
      line.append(" (tenant ").append(connection.tenant()).append(')');
    }
    line.append(": ").append(Words.lower(report.status()));
    if (report.status() != connection.status()) {
      line.append(", was ").append(Words.lower(connection.status()));
    }
    for (ScopeCheck scope : report.scopes()) {
      if (scope.status() == ScopeCheck.Status.MISSING) {
        line.append(System.lineSeparator()).append("  missing ").append(scope.name()).append(" (")
            .append(scope.permission()).append("): ").append(scope.remediation());
      }
    }
    report.problems().forEach(problem -> line.append(System.lineSeparator()).append("  ").append(problem.message())
        .append(' ').append(problem.remediation()));
    return line.toString();
  }

  private static Map<String, Object> result(Connection connection, VerificationReport report) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("tenant", connection.tenant());
    entry.put("name", connection.name());
    entry.put("status", Words.lower(report.status()));
    entry.put("previous", Words.lower(connection.status()));
    entry.put("report", report);
    return entry;
  }

  private static String human(Duration every) {
    if (every.toDays() > 0 && every.equals(Duration.ofDays(every.toDays()))) {
      return every.toDays() + (every.toDays() == 1 ? " day" : " days");
    }
    if (every.toHours() > 0 && every.equals(Duration.ofHours(every.toHours()))) {
      return every.toHours() + (every.toHours() == 1 ? " hour" : " hours");
    }
    if (every.toMinutes() > 0 && every.equals(Duration.ofMinutes(every.toMinutes()))) {
      return every.toMinutes() + (every.toMinutes() == 1 ? " minute" : " minutes");
    }
    return every.toSeconds() + " seconds";
  }

  /** The exit code that says more: a failure over success, could-not-finish over both. */
  private static int worse(int a, int b) {
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(int code) {
    return switch (code) {
      case ExitCode.OK -> 0;
      case ExitCode.VERIFICATION_FAILED -> 1;
      case ExitCode.USAGE -> 2;
      default -> 3;
    };
  }
}
