package dev.plugboard.api.descriptor;

/** What an answer means, as an {@link AnswerRule} names it. */
public enum AnswerOutcome {
  /** The scope is granted (for a scope's probe), or the call did what it should. */
  GRANTED,
  /** The scope is not granted; with a diagnosis, that diagnosis says why and what to do. */
  MISSING,
  /** The connection as a whole fails: the credentials are rejected, or the diagnosis says why. */
  REJECTED
}
