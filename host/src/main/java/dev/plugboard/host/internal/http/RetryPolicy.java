package dev.plugboard.host.internal.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a call is tried again after a server error (5xx), a dropped connection or a
 * timeout, and how long to wait in between: exponential backoff with jitter, so that many
 * probes failing together do not come back together.
 *
 * @param maxRetries attempts after the first; 2 by default
 * @param backoffBase the wait before the first retry (before jitter); doubled for each next one
 * @param backoffMax the longest wait between two attempts
 */
public record RetryPolicy(int maxRetries, Duration backoffBase, Duration backoffMax) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(4));

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more: " + maxRetries);
    }
    Objects.requireNonNull(backoffBase, "backoffBase == null");
    Objects.requireNonNull(backoffMax, "backoffMax == null");
    if (backoffBase.isNegative() || backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 <= backoffBase <= backoffMax: " + backoffBase + ", " + backoffMax);
    }
  }

  /** The wait before retry number {@code retry} (from 1): between half and all of base × 2^(retry-1), capped. */
  public long backoffNanos(int retry) {
    long base = backoffBase.toNanos();
    long exponential = retry >= 31 ? Long.MAX_VALUE : base << Math.max(0, retry - 1);
    long capped = exponential < 0 || exponential > backoffMax.toNanos() ? backoffMax.toNanos() : exponential;
    if (capped <= 1) {
      return capped;
    }
    return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
  }
}
