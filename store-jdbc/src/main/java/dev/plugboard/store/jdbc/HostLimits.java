package dev.plugboard.store.jdbc;

import dev.plugboard.host.Connection;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many verifications this instance runs at once against one platform host, so that a
 * platform's per-store and per-client rate limits hold however many connections fall due
 * together. A connection's host is that of the first of its values that is an http(s) address
 * (a store's API path, a shop's own domain); a connection without one counts against its
 * connector. A verification that finds its host busy is not run now: it is put back a little
 * later, and the scheduler's thread goes to another host's work.
 */
final class HostLimits {

  private final int perHost;
  private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

  HostLimits(int perHost) {
    if (perHost < 1) {
      throw new IllegalArgumentException("perHost must be 1 or more: " + perHost);
    }
    this.perHost = perHost;
  }

  /** A permit for {@code connection}'s host, if one is free now; release it when the verification ends. */
  Optional<Permit> tryAcquire(Connection connection) {
    Semaphore semaphore = hosts.computeIfAbsent(hostOf(connection), host -> new Semaphore(perHost));
    return semaphore.tryAcquire() ? Optional.of(semaphore::release) : Optional.empty();
  }

  static String hostOf(Connection connection) {
    for (String value : connection.values().values()) {
      Optional<String> host = httpHost(value);
      if (host.isPresent()) {
        return host.get();
      }
    }
    return "connector:" + connection.connector();
  }

  private static Optional<String> httpHost(String value) {
    if (!value.regionMatches(true, 0, "http", 0, 4)) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return Optional.of(uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
      }
    } catch (IllegalArgumentException e) {
      // not an address
    }
    return Optional.empty();
  }

  /** A held permit. */
  interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
