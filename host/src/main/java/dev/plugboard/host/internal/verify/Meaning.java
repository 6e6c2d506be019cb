package dev.plugboard.host.internal.verify;

import java.util.Optional;

/** What one answer means for the call that got it, by the descriptor's rules and statuses. */
sealed interface Meaning {

  /** The call did what it should: the scope is granted, the credentials accepted, the platform there. */
  record Granted() implements Meaning {}

  /**
   * The scope is not granted (or the call is refused).
   *
   * @param diagnosis the diagnosis saying why; empty for the scope's own remediation
   */
  record Missing(Optional<String> diagnosis) implements Meaning {}

  /**
   * The connection as a whole fails.
   *
   * @param diagnosis the diagnosis saying why
   */
  record Rejected(String diagnosis) implements Meaning {}

  /** The descriptor gives this answer no meaning for this call. */
  record Undecided() implements Meaning {}
}
