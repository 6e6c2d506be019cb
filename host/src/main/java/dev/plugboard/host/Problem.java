package dev.plugboard.host;

import java.util.Objects;
import java.util.Optional;

/**
 * A finding about the connection as a whole, such as rejected credentials or an unreachable host.
 *
 * @param code a stable identifier for programs: {@code credentials_rejected},
 *     {@code credentials_mismatch}, {@code unreachable}, {@code timeout}, {@code rate_limited},
 *     {@code server_error}, {@code identity_unavailable}, {@code invalid_values} ...
 * @param message what was found, in words
 * @param remediation what to do about it, naming the guide step where one applies
 * @param evidence the call it rests on, if one does
 */
public record Problem(
    String code, String message, String remediation, Optional<Evidence> evidence) {

  public Problem {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(message, "message == null");
    remediation = remediation == null ? "" : remediation;
    Objects.requireNonNull(evidence, "evidence == null: use Optional.empty()");
  }
}
