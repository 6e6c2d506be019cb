package dev.plugboard.api.descriptor;

/**
 * A finding about the connection as a whole, in the platform's words.
 *
 * @param message what was found
 * @param remediation what to do about it
 */
public record Diagnosis(String message, Remediation remediation) {

  public Diagnosis {
    Checks.requireText(message, "message");
    if (remediation == null) {
      throw new InvalidDescriptorException("remediation is missing: say what to do about it");
    }
  }
}
