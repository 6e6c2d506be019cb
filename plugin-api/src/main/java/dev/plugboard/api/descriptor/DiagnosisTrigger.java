package dev.plugboard.api.descriptor;

/** A pattern over a whole verification's answers that a diagnosis stands for. */
public enum DiagnosisTrigger {
  /**
   * Every scope's probe was answered "missing": the credentials do not belong to the account the
   * address names (BigCommerce answers an unknown store hash with 403), rather than every scope
   * being withheld.
   */
  EVERY_SCOPE_MISSING
}
