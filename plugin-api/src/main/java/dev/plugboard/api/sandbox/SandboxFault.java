package dev.plugboard.api.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A failure a sandbox plays on purpose. Faults limited to scopes apply to the paths those scopes
 * guard (by the scope's name or id); with no scopes named they apply to every path.
 */
public sealed interface SandboxFault {

  /** Every token is answered with 401, as when the API account was deleted. */
  record RejectToken() implements SandboxFault {}

  /**
   * The values offered name a store (account) the platform does not know; the platform answers
   * every call to it with what it answers an unknown account (BigCommerce: 403).
   */
  record UnknownAccount() implements SandboxFault {}

  /**
   * The first {@code times} requests to each path are answered with {@code status} (500 to 599),
   * then the path answers normally.
   *
   * @param status the server error, such as 502 or 503
   * @param times how many times per path; {@link Integer#MAX_VALUE} for always
   * @param scopes the scopes whose paths fail; empty for every path
   */
  record ServerError(int status, int times, Set<String> scopes) implements SandboxFault {

    public ServerError {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("status must be a server error, 500 to 599: " + status);
      }
      requirePositive(times);
      scopes = Set.copyOf(scopes);
    }
  }

  /**
   * The first {@code times} requests to each path get their connection dropped without an answer.
   *
   * @param times how many times per path; {@link Integer#MAX_VALUE} for always
   * @param scopes the scopes whose paths fail; empty for every path
   */
  record ConnectionReset(int times, Set<String> scopes) implements SandboxFault {

    public ConnectionReset {
      requirePositive(times);
      scopes = Set.copyOf(scopes);
    }
  }

  /**
   * Answers on the scopes' paths come {@code delay} late, on top of the sandbox's latency.
   *
   * @param delay the extra time before answering
   * @param scopes the scopes whose paths are slow; empty for every path
   */
  record Delay(Duration delay, Set<String> scopes) implements SandboxFault {

    public Delay {
      Objects.requireNonNull(delay, "delay == null");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative: " + delay);
      }
      scopes = Set.copyOf(scopes);
    }
  }

  /** The scopes a fault is limited to; empty for every path. */
  default Set<String> scopes() {
    return Set.of();
  }

  private static void requirePositive(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be 1 or more: " + times);
    }
  }
}
