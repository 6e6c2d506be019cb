package dev.plugboard.host.internal.http;

import dev.plugboard.api.descriptor.RateLimit;
import java.time.Clock;
import java.util.OptionalLong;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces one verification's calls by the quota the platform reports, rather than running into
 * it: while the platform says requests are left, calls go out at once (all together, by
 * default); when none are left, calls wait for the window to reset. After a 429 every call waits
 * what the platform asks (reset milliseconds, or retry-after seconds). Header names come from
 * the descriptor; a platform that reports nothing is never held back.
 */
final class RateLimitGate {

  /** Telling answers of one window from the next's, when the platform does not say how long a window is. */
  private static final long DEFAULT_TOLERANCE_NANOS = 500_000_000L;
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitGate.class);

  private final RateLimit names;

  /** Calls that may still go out in the current window; -1 when the platform has not said. */
  private long budget = -1;
  /** The platform's quota per window, to restore when the window resets; -1 when unknown. */
  private long quota = -1;
  /** {@link System#nanoTime()} when the current window resets. */
  private long windowEnds = Long.MIN_VALUE;
  /** The window's length; 0 when unknown. */
  private long windowNanos;
  private int inFlight;

  RateLimitGate(RateLimit names) {
    this.names = names;
  }

  /**
   * Waits until a call may go out, and counts it as in flight.
   *
   * @return false, without waiting, when the window resets only after the deadline
   */
  synchronized boolean acquire(Deadline deadline) throws InterruptedException {
    boolean told = false;
    while (true) {
      long now = System.nanoTime();
      if (budget >= 0 && now - windowEnds >= 0) {
        // A new window: the quota, less the calls still out (they may land in it), until answers
        // say more; unknown if the platform never said.
        budget = quota >= 0 && windowNanos > 0 ? Math.max(0, quota - inFlight) : -1;
        windowEnds = now + windowNanos;
      }
      if (budget != 0) {
        budget = budget > 0 ? budget - 1 : budget;
        inFlight++;
        return true;
      }
      long wait = windowEnds - now;
      if (!deadline.allows(wait)) {
        return false;
      }
      if (!told) {
        LOG.debug("no requests left in the platform's rate-limit window: waiting up to {} ms", wait / 1_000_000);
        told = true;
      }
      wait(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
    }
  }

  /**
   * Takes in what an answer says about the quota; the call is no longer in flight.
   *
   * @param fallbackWaitNanos how long to hold calls back after a 429 that says nothing about when
   *     to try again (the platform is under load)
   */
  synchronized void answered(Headers headers, int status, long fallbackWaitNanos) {
    inFlight--;
    long now = System.nanoTime();
    OptionalLong left = number(headers, names.requestsLeftHeader());
    OptionalLong resetMs = number(headers, names.resetMsHeader());
    number(headers, names.quotaHeader()).ifPresent(value -> quota = value);
    number(headers, names.windowMsHeader()).ifPresent(value -> windowNanos = RetryAfter.millisToNanos(value));
    OptionalLong[] usedOfLimit = usedOfLimit(headers);
    OptionalLong windowLeftMs = resetMs;
    if (left.isEmpty() && usedOfLimit != null) {
      // "32/40": what is left of a bucket that drains as it goes; a second tells one reading from the next.
      left = OptionalLong.of(Math.max(0, usedOfLimit[1].getAsLong() - usedOfLimit[0].getAsLong()));
      quota = usedOfLimit[1].getAsLong();
      if (windowLeftMs.isEmpty()) {
        windowLeftMs = OptionalLong.of(1000);
      }
    }
    if (status == 429) {
      budget = 0;
      windowEnds = now + waitAfterLimitNanos(headers, resetMs, fallbackWaitNanos);
    } else if (left.isPresent() && windowLeftMs.isPresent()) {
      // Calls still in flight may not be counted in this answer yet: keep room for them.
      long fresh = Math.max(0, left.getAsLong() - inFlight);
      long ends = now + RetryAfter.millisToNanos(windowLeftMs.getAsLong());
      long tolerance = windowNanos > 0 ? windowNanos / 2 : DEFAULT_TOLERANCE_NANOS;
      if (budget < 0 || ends - windowEnds > tolerance) {
        budget = fresh; // the first word on the quota, or a newer window
        windowEnds = ends;
      } else if (Math.abs(ends - windowEnds) <= tolerance) {
        // The same window: answers overtake each other, and the lowest count is the latest.
        budget = Math.min(budget, fresh);
        windowEnds = Math.max(windowEnds, ends);
      } // else an answer from an earlier window, arriving late: it says nothing new
    }
    notifyAll();
  }

  /** A call ended without an answer. */
  synchronized void failed() {
    inFlight--;
    notifyAll();
  }

  /**
   * After a 429: when to try again, from the reset header, else a retry-after header (the
   * platform's own name, then the standard {@code Retry-After}), else the fallback. Never less
   * than nothing, never an overflow.
   */
  private long waitAfterLimitNanos(Headers headers, OptionalLong resetMs, long fallbackWaitNanos) {
    if (resetMs.isPresent()) {
      return RetryAfter.millisToNanos(resetMs.getAsLong());
    }
    return retryAfter(headers).orElse(fallbackWaitNanos);
  }

  private OptionalLong retryAfter(Headers headers) {
    OptionalLong own = names.retryAfterSecondsHeader() == null ? OptionalLong.empty()
        : RetryAfter.nanos(headers.get(names.retryAfterSecondsHeader()), Clock.systemUTC());
    return own.isPresent() ? own : RetryAfter.nanos(headers.get("Retry-After"), Clock.systemUTC());
  }

  /** {@code used/limit} from the combined header, or {@code null} when the platform sends none. */
  private OptionalLong[] usedOfLimit(Headers headers) {
    if (names.usedOfLimitHeader() == null || headers.get(names.usedOfLimitHeader()) == null) {
      return null;
    }
    String[] parts = headers.get(names.usedOfLimitHeader()).trim().split("/");
    if (parts.length != 2) {
      return null;
    }
    try {
      long used = Long.parseLong(parts[0].trim());
      long limit = Long.parseLong(parts[1].trim());
      return used < 0 || limit <= 0 ? null : new OptionalLong[] {OptionalLong.of(used), OptionalLong.of(limit)};
    } catch (NumberFormatException notNumbers) {
      return null; // a header we cannot read is one the platform did not send
    }
  }

  private static OptionalLong number(Headers headers, String name) {
    if (name == null) {
      return OptionalLong.empty();
    }
    String value = headers.get(name);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      long number = Long.parseLong(value.trim());
      return number < 0 ? OptionalLong.empty() : OptionalLong.of(number);
    } catch (NumberFormatException notANumber) {
      return OptionalLong.empty(); // a header we cannot read is one the platform did not send
    }
  }
}
