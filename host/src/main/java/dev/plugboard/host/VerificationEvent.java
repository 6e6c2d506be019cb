package dev.plugboard.host;

import java.util.List;
import java.util.Objects;

/**
 * Something a verification learned, sent to a {@link VerificationListener} as it happens.
 *
 * <p>In order: {@link Started}; {@link PhaseDecided} for {@code FORMAT}; when the values are
 * well-formed, the other phases and one {@link ScopeDecided} per declared scope as each answer
 * arrives (in the order the answers arrive, so scopes and phases interleave); {@link Finished}
 * last. When a value is missing or malformed nothing is sent, and the events are {@code Started},
 * {@code PhaseDecided(FORMAT, FAILED)}, {@code Finished}.
 *
 * <p>{@code PhaseDecided} for credentials and identity, and {@code ScopeDecided}, are provisional:
 * a finding about the connection as a whole, known only from later answers (every scope refused
 * alike, say), can still change them in the report. A phase whose result in the report differs
 * from the one sent is sent again, just before {@code Finished}; the report in {@code Finished}
 * is what counts. No event holds a secret value.
 */
public sealed interface VerificationEvent {

  /**
   * Sent first: the connector and every declared scope, all still awaited. Only each scope's
   * name, permission and id count here: its status is {@code SKIPPED}, evidence empty and
   * remediation empty until its {@link ScopeDecided}.
   *
   * @param connectorId the connector's id
   * @param scopes every declared scope, in declared order
   */
  record Started(String connectorId, List<ScopeCheck> scopes) implements VerificationEvent {
    public Started {
      Objects.requireNonNull(connectorId, "connectorId == null");
      scopes = List.copyOf(scopes);
    }
  }

  /**
   * One phase decided: {@code FORMAT} first; then {@code CREDENTIALS}, {@code IDENTITY} and {@code
   * SCOPES} as each is known.
   */
  record PhaseDecided(PhaseCheck phase) implements VerificationEvent {
    public PhaseDecided {
      Objects.requireNonNull(phase, "phase == null");
    }
  }

  /**
   * One scope's probe answered (or the listing call decided it), with its evidence and, when
   * missing, its remediation. Provisional: a finding about the whole connection can still change
   * it in the report.
   */
  record ScopeDecided(ScopeCheck scope) implements VerificationEvent {
    public ScopeDecided {
      Objects.requireNonNull(scope, "scope == null");
    }
  }

  /** Sent last: the report, the same the call returns. */
  record Finished(VerificationReport report) implements VerificationEvent {
    public Finished {
      Objects.requireNonNull(report, "report == null");
    }
  }
}
