package dev.plugboard.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** When a connection is due next: one period after a verification, give or take the jitter. */
record Schedule(Duration period, double jitter, Clock clock) {

  Instant now() {
    return clock.instant();
  }

  /** One jittered period after {@code from}. */
  Instant nextAfter(Instant from) {
    double factor = 1 + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter));
    return from.plusNanos(Math.round(period.toNanos() * factor));
  }
}
