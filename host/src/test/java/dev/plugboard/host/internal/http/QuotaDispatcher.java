package dev.plugboard.host.internal.http;

import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** A server with a rate limit: {@code quota} requests per fixed window, 429 past it, reported as BigCommerce does. */
final class QuotaDispatcher extends Dispatcher {

  private final int quota;
  private final long windowNanos;
  private long start = -1;
  private long window;
  private int used;
  private int tooMany;

  QuotaDispatcher(int quota, Duration window) {
    this.quota = quota;
    this.windowNanos = window.toNanos();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    long now = System.nanoTime();
    if (start < 0) {
      start = now;
    }
    long index = (now - start) / windowNanos;
    if (index != window) {
      window = index;
      used = 0;
    }
    long resetMs = (start + (index + 1) * windowNanos - now) / 1_000_000 + 1;
    boolean limited = used >= quota;
    if (limited) {
      tooMany++;
    } else {
      used++;
    }
    return new MockResponse.Builder()
        .code(limited ? 429 : 200)
        .setHeader("X-Rate-Limit-Requests-Left", quota - used)
        .setHeader("X-Rate-Limit-Time-Reset-Ms", resetMs)
        .setHeader("X-Rate-Limit-Requests-Quota", quota)
        .setHeader("X-Rate-Limit-Time-Window-Ms", windowNanos / 1_000_000)
        .build();
  }

  synchronized int tooMany() {
    return tooMany;
  }
}
