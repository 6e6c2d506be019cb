package dev.plugboard.store.jdbc;

import dev.plugboard.host.VerificationReport;

/**
 * Told of scheduled verifications, on the scheduler's thread once the outcome is recorded. Keep
 * it quick (queue an alert, count a metric); what it throws is logged and does not undo the
 * recording.
 *
 * <pre>{@code
 * ReverificationListener alerts = new ReverificationListener() {
 *   @Override public void statusChanged(StatusChange change) {
 *     mailer.tellOwnerOf(change.tenant(), change.name(), change.describe());
 *   }
 * };
 * }</pre>
 */
public interface ReverificationListener {

  /** A scheduled verification of {@code tenant}'s {@code name} ended with {@code report}, now recorded. */
  default void verified(String tenant, String name, VerificationReport report) {}

  /** A connection's status differs from its last verification's: tell its owner what to change. */
  default void statusChanged(StatusChange change) {}
}
