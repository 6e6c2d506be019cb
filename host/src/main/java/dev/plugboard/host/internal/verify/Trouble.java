package dev.plugboard.host.internal.verify;

import dev.plugboard.host.internal.http.HttpOutcome;

/**
 * Turns calls that could not decide anything into findings, one per cause, each naming what it
 * kept from being checked: the host unreachable, an address credentials may not go to, server
 * errors, timeouts, the rate limit, answers that prove nothing.
 */
final class Trouble {

  private final String platform;
  private final String addressLabel;
  private final Findings findings;

  /**
   * @param platform the platform's name, for messages
   * @param addressLabel the label of the field holding the platform's address, for remediations
   */
  Trouble(String platform, String addressLabel, Findings findings) {
    this.platform = platform;
    this.addressLabel = addressLabel;
    this.findings = findings;
  }

  /** Records why {@code outcome} (not an answer) decided nothing about {@code subject}. */
  void record(HttpOutcome outcome, String subject) {
    if (outcome instanceof HttpOutcome.Unreachable unreachable) {
      findings.add("unreachable", "Could not reach " + platform + ": " + unreachable.reason() + ".",
          "Check the " + addressLabel + " you gave and your network connection, then try again.",
          outcome.evidence(), subject);
    } else if (outcome instanceof HttpOutcome.Refused refused) {
      findings.add("host_not_allowed", (refused.sentWithout() ? "Credentials were withheld: " : "Nothing was sent: ")
          + refused.reason() + ".",
          "Credentials go only to the hosts " + platform + " declares. To test against a local stand-in, allow its"
              + " address for that run (--allow-host HOST:PORT).", outcome.evidence(), subject);
    } else if (outcome instanceof HttpOutcome.GaveUp gaveUp) {
      gaveUp(gaveUp, subject);
    } else if (outcome instanceof HttpOutcome.Answered answered) {
      unexpected(answered, subject);
    }
  }

  /** An answer whose status the descriptor gives no meaning for this call. */
  void unexpected(HttpOutcome.Answered answered, String subject) {
    // One problem per call: two calls answering 422 are two answers, each with its own evidence.
    findings.addDistinct("unexpected_answer", answered.evidence().method() + " " + answered.evidence().path(), platform + " answered " + answered.status() + " to "
        + answered.evidence().method() + " " + answered.evidence().path() + ", which proves nothing either way.",
        "If it persists, " + platform + "'s API may have changed and the plugin may need an update.",
        answered.evidence(), subject);
  }

  private void gaveUp(HttpOutcome.GaveUp gaveUp, String subject) {
    String reason = capitalise(gaveUp.reason()) + ".";
    switch (gaveUp.why()) {
      case SERVER_ERROR -> findings.add("server_error", reason, "The trouble is on " + platform + "'s side (an outage"
          + " or maintenance); try again in a few minutes.", gaveUp.evidence(), subject);
      case DROPPED -> findings.add("connection_dropped", reason, "Check your network connection and try again.",
          gaveUp.evidence(), subject);
      case TIMEOUT -> findings.add("timeout", reason, "Try again; if " + platform + " is slow today, allow more time"
          + " (--timeout).", gaveUp.evidence(), subject);
      case RATE_LIMITED -> findings.add("rate_limited", reason, platform + "'s rate limit is shared by every app"
          + " using the account; try again once it resets, or allow more time (--timeout).", gaveUp.evidence(), subject);
    }
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
