package dev.plugboard.host.testing;

import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionConflictException;
import dev.plugboard.host.ConnectionQuery;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.Page;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An application's own store, as simple as one can be: for tests of the host choosing it. */
public final class InMemoryConnectionStore implements ConnectionStore {

  private final ConcurrentSkipListMap<String, ConcurrentSkipListMap<String, Connection>> tenants = new ConcurrentSkipListMap<>();

  @Override
  public Optional<Connection> find(String tenant, String name) {
    return Optional.ofNullable(tenant(tenant).get(name));
  }

  @Override
  public Page<Connection> list(ConnectionQuery query) {
    List<Connection> matching = tenant(query.tenant()).values().stream().filter(query::matches).limit(query.limit() + 1L).toList();
    return matching.size() <= query.limit() ? Page.last(matching)
        : new Page<>(matching.subList(0, query.limit()), Optional.of(matching.get(query.limit() - 1).name()));
  }

  @Override
  public List<Connection> due(Instant before, int limit) {
    if (limit < 1 || limit > ConnectionQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + ConnectionQuery.MAX_LIMIT + ": " + limit);
    }
    return tenants.values().stream().flatMap(connections -> connections.values().stream())
        .filter(connection -> connection.dueBefore(before))
        .sorted(Comparator.comparing((Connection c) -> c.nextCheckAt().orElseThrow())
            .thenComparing(Connection::tenant).thenComparing(Connection::name))
        .limit(limit).toList();
  }

  @Override
  public synchronized Connection put(Connection connection, long expectedVersion) {
    Map<String, Connection> connections = tenant(connection.tenant());
    long kept = Optional.ofNullable(connections.get(connection.name())).map(Connection::version).orElse(0L);
    if (expectedVersion != ANY_VERSION && expectedVersion != kept) {
      throw new ConnectionConflictException(connection.tenant(), connection.name(), expectedVersion, kept);
    }
    Connection next = connection.withVersion(kept + 1);
    connections.put(connection.name(), next);
    return next;
  }

  @Override
  public synchronized boolean remove(String tenant, String name, long expectedVersion) {
    Map<String, Connection> connections = tenant(tenant);
    long kept = Optional.ofNullable(connections.get(name)).map(Connection::version).orElse(0L);
    if (expectedVersion != ANY_VERSION && expectedVersion != kept) {
      throw new ConnectionConflictException(tenant, name, expectedVersion, kept);
    }
    return connections.remove(name) != null;
  }

  private ConcurrentSkipListMap<String, Connection> tenant(String tenant) {
    return tenants.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>());
  }
}
