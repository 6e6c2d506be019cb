package dev.plugboard.bigcommerce.sandbox;

import dev.plugboard.api.sandbox.SandboxOptions.Quota;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BigCommerce's rate limit: a quota of requests per fixed window, reported on every answer with
 * the X-Rate-Limit-* headers and enforced with 429 (notes §4, "Rate limiting").
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

  /** Counts one request arriving at {@code nowNanos}: whether it may be answered, and the headers to send. */
  synchronized Admission admit(long nowNanos) {
    long index = (nowNanos - start) / windowNanos;
    if (index != windowIndex) {
      windowIndex = index;
      used = 0;
    }
    long resetNanos = start + (index + 1) * windowNanos - nowNanos;
    long resetMs = Math.max(1, (resetNanos + 999_999) / 1_000_000);
    if (used >= quota) {
      return new Admission(false, headers(0, resetMs, true));
    }
    used++;
    return new Admission(true, headers(quota - used, resetMs, false));
  }

  private Map<String, String> headers(int left, long resetMs, boolean limited) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Rate-Limit-Time-Window-Ms", Long.toString(windowNanos / 1_000_000));
    headers.put("X-Rate-Limit-Time-Reset-Ms", Long.toString(resetMs));
    headers.put("X-Rate-Limit-Requests-Quota", Integer.toString(quota));
    headers.put("X-Rate-Limit-Requests-Left", Integer.toString(left));
    if (limited) {
      headers.put("X-Retry-After", Long.toString((resetMs + 999) / 1000));
    }
    return headers;
  }

  /**
   * Whether a request fits in the quota, and the rate-limit headers to answer it with.
   *
   * @param allowed false when the window's quota is used up (answer 429)
   * @param headers the X-Rate-Limit-* headers
   */
  record Admission(boolean allowed, Map<String, String> headers) {}
}
