package dev.plugboard.host;

import java.util.List;
import java.util.Objects;

/**
 * How one phase of a verification ended.
 *
 * @param phase which phase
 * @param status how it ended
 * @param message one line saying what happened, such as {@code connected to Acme (acme.example)}
 * @param evidence the calls the phase made, without secrets; empty for a phase that sends nothing
 */
public record PhaseCheck(Phase phase, Outcome status, String message, List<Evidence> evidence) {

  /** The phases of a verification, in the order they run. */
  public enum Phase {
    /** Every value is present and well-formed; nothing is sent before this passes. */
    FORMAT,
    /** The platform accepts the credentials. */
    CREDENTIALS,
    /** The platform names the account. */
    IDENTITY,
    /** One probe per declared scope. */
    SCOPES
  }

  /** How a phase ended. */
  public enum Outcome {
    PASSED,
    FAILED,
    INCONCLUSIVE,
    SKIPPED
  }

  public PhaseCheck {
    Objects.requireNonNull(phase, "phase == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(message, "message == null");
    evidence = List.copyOf(evidence);
  }

  /** A phase that made no calls. */
  public PhaseCheck(Phase phase, Outcome status, String message) {
    this(phase, status, message, List.of());
  }
}
