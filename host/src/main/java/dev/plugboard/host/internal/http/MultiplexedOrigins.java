package dev.plugboard.host.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Protocol;

/**
 * The origins (scheme, host and port: no path, query or credential) this process has seen
 * negotiate HTTP/2, remembered as browsers remember them: only a verification of such an origin
 * holds its calls for the first one's connection ({@link FirstConnection}). An origin seen speaking
 * HTTP/1.1 since is forgotten. Bounded: past {@link #CAPACITY} origins the one used longest ago
 * goes, so an application verifying thousands of stores keeps well under a megabyte of them.
 */
final class MultiplexedOrigins {

  /** Origins remembered at most; some 150 bytes each. */
  static final int CAPACITY = 4096;

  /** The process's memory, shared by every client and every verification. */
  static final MultiplexedOrigins PROCESS = new MultiplexedOrigins(CAPACITY);

  private final Map<Origin, Boolean> origins;

  /** @param capacity origins remembered at most, at least 1 */
  MultiplexedOrigins(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.origins = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Origin, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** True when {@code url}'s origin was last seen speaking HTTP/2 (and is still remembered). */
  synchronized boolean multiplexed(HttpUrl url) {
    return origins.get(Origin.of(url)) != null;
  }

  /** {@code url}'s origin was just seen speaking {@code protocol}. */
  synchronized void saw(HttpUrl url, Protocol protocol) {
    Origin origin = Origin.of(url);
    if (protocol == Protocol.HTTP_2) { // only https origins are learnt: never HTTP/2 without TLS
      origins.put(origin, Boolean.TRUE);
    } else {
      origins.remove(origin);
    }
  }

  /** Origins remembered now. */
  synchronized int size() {
    return origins.size();
  }

  /** Whether {@code a} and {@code b} have the same scheme, host and port. */
  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return Origin.of(a).equals(Origin.of(b));
  }

  private record Origin(String scheme, String host, int port) {
    static Origin of(HttpUrl url) {
      return new Origin(url.scheme(), url.host(), url.port());
    }
  }
}
