package dev.plugboard.woocommerce.sandbox;

import dev.plugboard.api.sandbox.SandboxOptions.Quota;

/**
 * A web host's request limit in front of the store: WooCommerce core has none, but hosts and
 * firewalls answer 429, sometimes with {@code Retry-After} in seconds (notes §4). A quota of
 * requests per fixed window; no header reports what is left.
 */
final class RateWindow {

  private final int quota;
  private final long windowNanos;
  private final long start;
  private long windowIndex;
  private int used;

  RateWindow(Quota quota, long startNanos) {
    this.quota = quota.requests();
    this.windowNanos = quota.window().toNanos();
    this.start = startNanos;
  }

  /**
   * Counts one request arriving at {@code nowNanos}.
   *
   * @return 0 when it may be answered, else the whole seconds until the window resets (at least 1)
   */
  synchronized long admit(long nowNanos) {
    long index = (nowNanos - start) / windowNanos;
    if (index != windowIndex) {
      windowIndex = index;
      used = 0;
    }
    if (used >= quota) {
      long resetNanos = start + (index + 1) * windowNanos - nowNanos;
      return Math.max(1, (resetNanos + 999_999_999) / 1_000_000_000);
    }
    used++;
    return 0;
  }
}
