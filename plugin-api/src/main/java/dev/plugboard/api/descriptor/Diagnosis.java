package dev.plugboard.api.descriptor;

import java.util.Optional;

/**
 * A named finding, in the platform's words: what was found and what to do. Answer rules name it
 * ({@code diagnosis: wrong_secret}); {@code credentials_rejected} reports a status in
 * {@code http.rejectedStatuses}; {@code when} makes it stand for a pattern over all answers.
 *
 * @param id the finding's code in reports ({@code credentials_rejected})
 * @param when the pattern it stands for, if any
 * @param message what was found
 * @param remediation what to do about it
 */
public record Diagnosis(String id, Optional<DiagnosisTrigger> when, String message, Remediation remediation) {

  /** The diagnosis that reports a status in {@code http.rejectedStatuses} unless a rule names another. */
  public static final String CREDENTIALS_REJECTED = "credentials_rejected";

  public Diagnosis {
    Checks.requireIdentifier(id, "id");
    when = Checks.optional(when);
    Checks.requireText(message, "message");
    if (remediation == null) {
      throw new InvalidDescriptorException("remediation is missing: say what to do about it");
    }
  }
}
