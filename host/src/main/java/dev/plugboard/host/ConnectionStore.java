package dev.plugboard.host;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where verified connections are kept. Plugboard's own keeps them encrypted in a file under its
 * home folder; an application may keep them in its own database by implementing this interface
 * and handing it to {@link Plugboard.Builder#connectionStore(ConnectionStore)}.
 *
 * <pre>{@code
 * final class DatabaseConnections implements ConnectionStore {
 *   public List<Connection> list() { ... }
 *   public Optional<Connection> find(String name) { ... }
 *   public void put(Connection connection) { ... }   // encrypt connection.values() at rest
 *   public boolean remove(String name) { ... }
 * }
 *
 * Plugboard plugboard = Plugboard.builder()
 *     .pluginsDir(Path.of("plugins"))
 *     .connectionStore(new DatabaseConnections(dataSource))
 *     .build();
 * }</pre>
 *
 * <p>Implementations must be safe for use by several threads at once, must make {@link #put} and
 * {@link #remove} atomic (a reader sees the connection before or after, never a mix), must keep
 * secret values encrypted at rest, and must report failures by throwing (preferably a {@link
 * ConnectionStoreException}), never by losing or resetting what was kept.
 */
public interface ConnectionStore {

  /** Every connection kept, ordered by name. */
  List<Connection> list();

  /** The connection kept under {@code name}, if any. */
  Optional<Connection> find(String name);

  /**
   * The connection kept under {@code name}.
   *
   * @throws UnknownConnectionException when there is none
   */
  default Connection get(String name) {
    return find(name).orElseThrow(() -> new UnknownConnectionException(name));
  }

  /** Keeps {@code connection}, replacing the one of the same name if there is one, atomically. */
  void put(Connection connection);

  /**
   * Keeps what {@code change} makes of the connection kept under {@code name}, with no other write
   * of that name in between: {@code change} gets the connection kept now, if any, and returns the
   * one to keep under that name, or empty to keep none.
   *
   * <p>The default reads, then writes: it is atomic only if nothing else writes the store at the
   * same time. A store shared by threads or processes overrides it to read and write under one lock.
   *
   * @return what is kept under {@code name} afterwards
   * @throws IllegalArgumentException when {@code change} returns a connection of another name
   */
  default Optional<Connection> update(String name, UnaryOperator<Optional<Connection>> change) {
    Optional<Connection> current = find(name);
    Optional<Connection> next = ConnectionNames.requireKeptUnder(name, change.apply(current));
    if (next.isPresent()) {
      put(next.get());
    } else if (current.isPresent()) {
      remove(name);
    }
    return next;
  }

  /**
   * Forgets the connection kept under {@code name}.
   *
   * @return whether there was one
   */
  boolean remove(String name);
}
