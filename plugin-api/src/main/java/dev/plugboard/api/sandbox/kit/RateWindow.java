package dev.plugboard.api.sandbox.kit;

import dev.plugboard.api.sandbox.SandboxOptions.Quota;

/**
 * A request quota per fixed window, as most platforms' rate limits are: the {@code quota}
 * requests of a window are answered, the rest refused until the next window starts. How a
 * refusal and what is left are told (status, headers) is the platform's to say.
 */
public final class RateWindow {

  private final int quota;
  private final long windowNanos;
  private final long start;
  private long windowIndex;
  private int used;

  /** A window of {@code quota}, the first one starting at {@code startNanos} ({@link System#nanoTime()}). */
  public RateWindow(Quota quota, long startNanos) {
    this.quota = quota.requests();
    this.windowNanos = quota.window().toNanos();
    this.start = startNanos;
  }

  /** The window's length in milliseconds. */
  public long windowMillis() {
    return windowNanos / 1_000_000;
  }

  /** The number of requests each window answers. */
  public int quota() {
    return quota;
  }

  /** Counts one request arriving at {@code nowNanos}: whether it may be answered, and what is left. */
  public synchronized Admission admit(long nowNanos) {
    long index = (nowNanos - start) / windowNanos;
    if (index != windowIndex) {
      windowIndex = index;
      used = 0;
    }
    long resetNanos = start + (index + 1) * windowNanos - nowNanos;
    if (used >= quota) {
      return new Admission(false, 0, resetNanos);
    }
    used++;
    return new Admission(true, quota - used, resetNanos);
  }

  /**
   * What the window said of one request.
   *
   * @param allowed whether it may be answered
   * @param left how many more requests this window answers
   * @param resetNanos how long until the next window starts
   */
  public record Admission(boolean allowed, int left, long resetNanos) {

    /** The time until the next window, in whole milliseconds, at least 1. */
    public long resetMillis() {
      return Math.max(1, (resetNanos + 999_999) / 1_000_000);
    }

    /** The time until the next window, in whole seconds, at least 1 (as {@code Retry-After} gives it). */
    public long resetSeconds() {
      return Math.max(1, (resetNanos + 999_999_999) / 1_000_000_000);
    }
  }
}
