package dev.plugboard.host.internal.http;

import dev.plugboard.api.descriptor.RateLimit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces one verification's calls by the quota the platform reports, rather than running into
 * it: while the platform says requests are left, calls go out at once (all together, by
 * default); when none are left, calls wait for the window to reset. After a 429 every call waits
 * what the platform asks (reset milliseconds, or retry-after seconds). Before any answer has told
 * the quota, a platform that reports one gets the calls its descriptor says it takes at once
 * ({@code rateLimit.burst}), else one: the rest wait for that first word, so that a tight quota
 * is met by pacing, not by 429s. Header names come from the descriptor; a platform that reports
 * nothing is never held back. Waiting holds no thread: a call let out later is started by the
 * answer or the timer that frees it.
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
  /** Whether any call has ended yet, with an answer or without. */
  private boolean heard;
  /** Calls let out before that. */
  private int sentBeforeWord;
  private final boolean reports;
  private final int burst;
  /** The calls waiting, in the order they came. */
  private final Set<Waiter> waiting = new LinkedHashSet<>();
  private final BiConsumer<Long, Runnable> later;

  /**
   * @param later runs a task after so many nanoseconds, on some thread other than the caller's
   */
  RateLimitGate(RateLimit names, BiConsumer<Long, Runnable> later) {
    this.names = names;
    this.later = later;
    this.reports = Stream.of(names.requestsLeftHeader(), names.resetMsHeader(), names.quotaHeader(),
        names.usedOfLimitHeader()).anyMatch(Optional::isPresent);
    this.burst = names.burst().orElse(1);
  }

  /**
   * Lets a call go out as soon as the quota allows, counting it as in flight: runs {@code go}
   * now or later (on the thread of the answer or timer that frees it), or {@code tooLate}, without
   * waiting, when the window resets only after the deadline. Never blocks.
   */
  void acquire(Deadline deadline, Runnable go, Runnable tooLate) {
    poll(new Waiter(deadline, go, tooLate));
  }

  private void poll(Waiter waiter) {
    Runnable then;
    synchronized (this) {
      then = decide(waiter);
    }
    if (then != null) {
      then.run();
    }
  }

  /** What {@code waiter} does now: go, give up, or (null) wait for an answer or the window's end. */
  private Runnable decide(Waiter waiter) {
    if (waiter.settled) {
      return null;
    }
    long now = System.nanoTime();
    if (budget >= 0 && now - windowEnds >= 0) {
      // A new window: the quota, less the calls still out (they may land in it), until answers
      // say more; unknown if the platform never said.
      budget = quota >= 0 && windowNanos > 0 ? Math.max(0, quota - inFlight) : -1;
      windowEnds = now + windowNanos;
    }
    boolean held = budget < 0 && heldForFirstWord();
    // A call held for the first word goes at the deadline, to end there as a timeout.
    if (budget != 0 && (!held || waiter.deadline.passed())) {
      budget = budget > 0 ? budget - 1 : budget;
      inFlight++;
      sentBeforeWord++;
      return settle(waiter, waiter.go);
    }
    // Held for the first word, the wait is until an answer comes (the deadline at the latest);
    // else until the window resets.
    long wait = held ? waiter.deadline.remainingNanos() : windowEnds - now;
    if (!held && !waiter.deadline.allows(wait)) {
      return settle(waiter, waiter.tooLate);
    }
    if (!held && !waiter.told) {
      LOG.debug("no requests left in the platform's rate-limit window: waiting up to {} ms", wait / 1_000_000);
      waiter.told = true;
    }
    waiting.add(waiter);
    long wakeAt = now + Math.max(0, wait);
    if (!waiter.timed || wakeAt - waiter.wakeAt < 0) {
      waiter.timed = true;
      waiter.wakeAt = wakeAt;
      later.accept(Math.max(0, wait), () -> {
        synchronized (this) {
          if (waiter.wakeAt == wakeAt) {
            waiter.timed = false;
          }
        }
        poll(waiter);
      });
    }
    return null;
  }

  private Runnable settle(Waiter waiter, Runnable then) {
    waiter.settled = true;
    waiting.remove(waiter);
    return then;
  }

  /**
   * Whether calls wait for the first answer to tell the quota: only for a platform that reports
   * one, and once the calls it is known to take at once ({@code burst}, else one) are out.
   */
  private boolean heldForFirstWord() {
    return !heard && reports && sentBeforeWord >= burst;
  }

  /** Lets every waiting call look again at what is allowed now. */
  private void wakeAll() {
    List<Waiter> all;
    synchronized (this) {
      all = new ArrayList<>(waiting);
    }
    all.forEach(this::poll);
  }

  /** A call waiting to go out. */
  private static final class Waiter {
    final Deadline deadline;
    final Runnable go;
    final Runnable tooLate;
    boolean settled;
    boolean told;
    boolean timed;
    long wakeAt;

    Waiter(Deadline deadline, Runnable go, Runnable tooLate) {
      this.deadline = deadline;
      this.go = go;
      this.tooLate = tooLate;
    }
  }

  /**
   * Takes in what an answer says about the quota; the call is no longer in flight.
   *
   * @param fallbackWaitNanos how long to hold calls back after a 429 that says nothing about when
   *     to try again (the platform is under load)
   */
  void answered(Headers headers, int status, long fallbackWaitNanos) {
    synchronized (this) {
      heard = true;
      inFlight--;
      takeIn(headers, status, fallbackWaitNanos);
    }
    wakeAll();
  }

  private void takeIn(Headers headers, int status, long fallbackWaitNanos) {
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
  }

  /** A call ended without an answer: nothing more is waited for before the calls held go. */
  void failed() {
    synchronized (this) {
      heard = true;
      inFlight--;
    }
    wakeAll();
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
    OptionalLong own = header(headers, names.retryAfterSecondsHeader())
        .map(value -> RetryAfter.nanos(value, Clock.systemUTC())).orElse(OptionalLong.empty());
    return own.isPresent() ? own : RetryAfter.nanos(headers.get("Retry-After"), Clock.systemUTC());
  }

  /** {@code used/limit} from the combined header, or {@code null} when the platform sends none. */
  private OptionalLong[] usedOfLimit(Headers headers) {
    Optional<String> value = header(headers, names.usedOfLimitHeader());
    if (value.isEmpty()) {
      return null;
    }
    String[] parts = value.get().trim().split("/");
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

  /** The header the descriptor names, if it does and the answer has it. */
  private static Optional<String> header(Headers headers, Optional<String> name) {
    return name.map(headers::get);
  }

  private static OptionalLong number(Headers headers, Optional<String> name) {
    Optional<String> value = header(headers, name);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long number = Long.parseLong(value.get().trim());
      return number < 0 ? OptionalLong.empty() : OptionalLong.of(number);
    } catch (NumberFormatException notANumber) {
      return OptionalLong.empty(); // a header we cannot read is one the platform did not send
    }
  }
}
