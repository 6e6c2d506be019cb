package dev.plugboard.host.internal.http;

import java.time.Duration;

/**
 * The moment a whole verification must be over by, on the monotonic clock: every wait and every
 * call is cut to what is left of it, so nothing can hang.
 *
 * @param limit the time the verification was given, for messages
 * @param endNanos {@link System#nanoTime()} at the deadline
 */
public record Deadline(Duration limit, long endNanos) {

  /** The deadline {@code limit} from now. */
  public static Deadline in(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + limit);
    }
    return new Deadline(limit, System.nanoTime() + nanos(limit));
  }

  /** A limit past some 292 years does not fit in nanoseconds: it is as good as none. */
  private static long nanos(Duration limit) {
    try {
      return limit.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  public long remainingNanos() {
    return endNanos - System.nanoTime();
  }

  public boolean passed() {
    return remainingNanos() <= 0;
  }

  /** Whether waiting {@code nanos} from now still ends before the deadline. */
  public boolean allows(long nanos) {
    return nanos < remainingNanos();
  }

  /** {@code 30 s} or {@code 250 ms}, for messages. */
  public String describe() {
    long millis = limit.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
