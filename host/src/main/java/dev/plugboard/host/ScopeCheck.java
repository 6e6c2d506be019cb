package dev.plugboard.host;

import java.util.Objects;
import java.util.Optional;

/**
 * One declared scope and what its probe showed.
 *
 * @param name the scope's name in the platform's UI
 * @param permission the permission it needs there, such as {@code Read-only}
 * @param id the platform's scope identifier
 * @param status granted, missing, inconclusive or skipped
 * @param evidence the call that decided it; empty when no probe was sent
 * @param remediation what to do when missing (guide step and exact setting); empty otherwise
 */
public record ScopeCheck(
    String name,
    String permission,
    String id,
    Status status,
    Optional<Evidence> evidence,
    String remediation) {

  /** What a scope's probe showed. */
  public enum Status {
    GRANTED,
    MISSING,
    /** No answer could decide it: timeout, server errors after retries, rate limit past the deadline. */
    INCONCLUSIVE,
    /**
     * The probe's answer cannot count: an earlier phase failed, so the probe was not sent, or a
     * finding about the connection as a whole (the token rejected, or every scope refused because
     * the credentials do not belong together) makes its answer meaningless; the evidence then
     * shows it.
     */
    SKIPPED
  }

  public ScopeCheck {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(permission, "permission == null");
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(evidence, "evidence == null: use Optional.empty()");
    remediation = remediation == null ? "" : remediation;
  }
}
