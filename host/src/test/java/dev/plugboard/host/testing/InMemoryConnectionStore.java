package dev.plugboard.host.testing;

import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionStore;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentSkipListMap;

/** An application's own store, as simple as one can be: for tests of the host choosing it. */
public final class InMemoryConnectionStore implements ConnectionStore {

  private final ConcurrentSkipListMap<String, Connection> connections = new ConcurrentSkipListMap<>();

  @Override
  public List<Connection> list() {
    return List.copyOf(connections.values());
  }

  @Override
  public Optional<Connection> find(String name) {
    return Optional.ofNullable(connections.get(name));
  }

  @Override
  public void put(Connection connection) {
    connections.put(connection.name(), connection);
  }

  @Override
  public boolean remove(String name) {
    return connections.remove(name) != null;
  }

  @Override
  public Optional<Connection> update(String name, UnaryOperator<Optional<Connection>> change) {
    return Optional.ofNullable(connections.compute(name, (key, kept) ->
        ConnectionNames.requireKeptUnder(name, change.apply(Optional.ofNullable(kept))).orElse(null)));
  }
}
