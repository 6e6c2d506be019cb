package dev.plugboard.api.descriptor;

/**
 * The platform's words for the findings that replace per-scope results.
 *
 * @param rejectedCredentials the credentials check was answered with a rejected status (401)
 * @param allScopesForbidden every scope probe was refused: the credentials do not belong to the
 *     account the address names (BigCommerce answers an unknown store hash with 403)
 */
public record Diagnoses(Diagnosis rejectedCredentials, Diagnosis allScopesForbidden) {

  public Diagnoses {
    if (rejectedCredentials == null || allScopesForbidden == null) {
      throw new InvalidDescriptorException("diagnoses needs both rejectedCredentials and allScopesForbidden");
    }
  }
}
