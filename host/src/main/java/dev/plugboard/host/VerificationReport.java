package dev.plugboard.host;

import dev.plugboard.host.internal.json.Mappers;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.SerializationFeature;

/**
 * The outcome of verifying a connection, phase by phase: the same document {@code plugboard
 * verify --json} prints. It never holds a secret value.
 *
 * <p>Phases run in order, format, credentials, identity, scopes; a phase that cannot run because
 * an earlier one failed is reported as skipped, and every declared scope is always listed.
 *
 * @param connector the connector's id
 * @param status the verdict
 * @param account the account the credentials belong to, as far as it is known
 * @param phases each phase and how it ended
 * @param fields each declared field and whether its value passed the format phase
 * @param scopes each declared scope, in declared order
 * @param problems findings about the connection as a whole, each with what to do
 * @param warnings what verified but deserves a look, never a failure: more permission than the
 *     connection needs, with what to change
 * @param checkedAt when the verification ran
 */
public record VerificationReport(
    String connector,
    Status status,
    Account account,
    List<PhaseCheck> phases,
    List<FieldCheck> fields,
    List<ScopeCheck> scopes,
    List<Problem> problems,
    List<Problem> warnings,
    Instant checkedAt) {

  /** The verdict, and what the CLI exits with. */
  public enum Status {
    /** Every phase passed and every scope is granted (exit 0). */
    VERIFIED,
    /** The credentials were rejected or scopes are missing (exit 1). */
    FAILED,
    /** A value is missing or malformed; nothing was sent (exit 2). */
    INVALID,
    /** The platform could not be asked: unreachable, timeouts, server errors (exit 3). */
    INCONCLUSIVE
  }

  public VerificationReport {
    Objects.requireNonNull(connector, "connector == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(account, "account == null");
    phases = List.copyOf(phases);
    fields = List.copyOf(fields);
    scopes = List.copyOf(scopes);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(checkedAt, "checkedAt == null");
  }

  /** A report without warnings. */
  public VerificationReport(String connector, Status status, Account account, List<PhaseCheck> phases,
      List<FieldCheck> fields, List<ScopeCheck> scopes, List<Problem> problems, Instant checkedAt) {
    this(connector, status, account, phases, fields, scopes, problems, List.of(), checkedAt);
  }

  public boolean verified() {
    return status == Status.VERIFIED;
  }

  /** The document {@code plugboard verify --json} prints, on one line. */
  public String toJson() {
    return Mappers.output().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
  }
}
