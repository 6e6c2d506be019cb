package dev.plugboard.store.jdbc;

import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A connection whose scheduled verification ended otherwise than its last one: the store owner
 * revoked a scope, deleted the API account, or the platform is unreachable; or it works again.
 * What an application hands to its alerting, to tell the store owner what to change.
 *
 * @param tenant the connection's tenant
 * @param name the connection's name
 * @param connector the connector's id
 * @param account how the account was shown when it last verified, such as {@code Acme (acme.example)}
 * @param previous the status before
 * @param current the status now
 * @param lostScopes the scopes granted before and missing now, each with its remediation (which
 *     guide step, which setting)
 * @param problems what the verification found wrong with the connection as a whole (a rejected
 *     token, say), each with its remediation
 * @param checkedAt when the verification ran
 */
public record StatusChange(
    String tenant,
    String name,
    String connector,
    String account,
    VerificationReport.Status previous,
    VerificationReport.Status current,
    List<ScopeCheck> lostScopes,
    List<Problem> problems,
    Instant checkedAt) {

  public StatusChange {
    Objects.requireNonNull(tenant, "tenant == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(connector, "connector == null");
    Objects.requireNonNull(account, "account == null");
    Objects.requireNonNull(previous, "previous == null");
    Objects.requireNonNull(current, "current == null");
    lostScopes = List.copyOf(lostScopes);
    problems = List.copyOf(problems);
    Objects.requireNonNull(checkedAt, "checkedAt == null");
  }

  /** The change from {@code before} that {@code report} shows, if its status differs. */
  static java.util.Optional<StatusChange> between(Connection before, VerificationReport report) {
    if (before.status() == report.status()) {
      return java.util.Optional.empty();
    }
    Set<String> granted = before.scopes().stream().filter(scope -> scope.status() == ScopeCheck.Status.GRANTED)
        .map(ScopeCheck::id).collect(Collectors.toSet());
    List<ScopeCheck> lost = report.scopes().stream()
        .filter(scope -> scope.status() == ScopeCheck.Status.MISSING && granted.contains(scope.id())).toList();
    String account = report.account().display().isEmpty() ? before.account().display() : report.account().display();
    return java.util.Optional.of(new StatusChange(before.tenant(), before.name(), before.connector(), account,
        before.status(), report.status(), lost, report.problems(), report.checkedAt()));
  }

  /**
   * In words, for an alert: {@code bigcommerce/acme went from verified to failed: Orders
   * (Read-only) is missing. In BigCommerce: Settings → … → Orders: Read-only, then Save.}
   */
  public String describe() {
    StringBuilder text = new StringBuilder(name);
    if (!ConnectionNames.DEFAULT_TENANT.equals(tenant)) {
      text.append(" of tenant ").append(tenant);
    }
    if (!account.isEmpty()) {
      text.append(" (").append(account).append(")");
    }
    text.append(" went from ").append(word(previous)).append(" to ").append(word(current));
    String separator = ": ";
    for (ScopeCheck scope : lostScopes) {
      text.append(separator).append(scope.name()).append(" (").append(scope.permission()).append(") is missing.");
      if (!scope.remediation().isEmpty()) {
        text.append(' ').append(scope.remediation());
      }
      separator = " ";
    }
    for (Problem problem : problems) {
      text.append(separator).append(problem.message());
      if (!problem.remediation().isEmpty()) {
        text.append(' ').append(problem.remediation());
      }
      separator = " ";
    }
    return text.toString();
  }

  private static String word(VerificationReport.Status status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
