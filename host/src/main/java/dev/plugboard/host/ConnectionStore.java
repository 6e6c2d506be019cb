package dev.plugboard.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Where verified connections are kept, each tenant's apart. Plugboard's own store keeps each
 * connection in a sealed file under its home folder; the {@code store-jdbc} module keeps them in
 * PostgreSQL or SQLite ({@link Plugboard.Builder#store(String)}); an application may implement
 * this interface and hand it to {@link Plugboard.Builder#connectionStore(ConnectionStore)}.
 *
 * <pre>{@code
 * ConnectionStore store = plugboard.connections();
 * Connection kept = store.put(connection.withTenant("customer-42"));     // version 1
 * store.find("customer-42", kept.name());                                // Optional[kept]
 * store.find("customer-7", kept.name());                                 // empty: another tenant
 *
 * // read, change, write; retried if another instance wrote it in between
 * store.update("customer-42", kept.name(),
 *     current -> current.map(c -> c.withNextCheckAt(Optional.of(Instant.now().plus(Duration.ofDays(1))))));
 *
 * // a stale write is refused, not lost
 * store.put(kept);   // throws ConnectionConflictException: version 2 is kept, 1 was read
 *
 * Page<Connection> page = store.list(ConnectionQuery.of("customer-42").connector("shop").limit(100));
 * List<Connection> due = store.due(Instant.now(), 500);                  // every tenant's, for a re-verifier
 * }</pre>
 *
 * <h2>What an implementation must do</h2>
 * <ul>
 *   <li><b>Tenants.</b> A connection is identified by its {@link Connection#tenant()} and {@link
 *       Connection#name()}; no method given one tenant reads, lists, overwrites or removes
 *       another's. Only {@link #due(Instant, int)} spans tenants: it is for the application's
 *       re-verifier, never for a request on behalf of one tenant.
 *   <li><b>Versions.</b> Each write of a connection keeps it at the version after the one kept
 *       (1 for the first), and returns it so. {@link #put(Connection, long)} and {@link
 *       #remove(String, String, long)} write only if the version kept is the one expected, else
 *       throw {@link ConnectionConflictException} and write nothing: two instances writing one
 *       connection never lose a write silently.
 *   <li><b>Order and paging.</b> {@link #list(ConnectionQuery)} returns a tenant's connections
 *       ordered by name, compared as Java compares strings ({@link String#compareTo}; in SQL a
 *       binary collation such as PostgreSQL's {@code COLLATE "C"}), those after {@link
 *       ConnectionQuery#after()} only, at most {@link ConnectionQuery#limit()}, with {@link
 *       Page#next()} present exactly when more may follow.
 *   <li><b>Safety.</b> Safe for use by several threads at once; each write atomic (a reader sees
 *       the connection before or after, never a mix); secret values sealed at rest (see {@code
 *       dev.plugboard.host.spi.ConnectionSealer}, which binds each record to its tenant, name and
 *       connector); failures thrown as {@link ConnectionStoreException}, never answered by losing or
 *       resetting what was kept. A record that does not open is reported naming it, and is never
 *       carried along into a rewrite.
 * </ul>
 *
 * <p>The methods without a tenant are for the CLI and single-tenant applications: they work on
 * {@link ConnectionNames#DEFAULT_TENANT}.
 */
public interface ConnectionStore {

  /** With this as the expected version, {@link #put(Connection, long)} and {@link #remove(String, String, long)} write whatever is kept. */
  long ANY_VERSION = -1;

  /** The connection kept under {@code name} in {@code tenant}, if any. */
  Optional<Connection> find(String tenant, String name);

  /** One page of {@code query.tenant()}'s connections that {@code query} matches, ordered by name. */
  Page<Connection> list(ConnectionQuery query);

  /**
   * Every tenant's connections due for re-verification before {@code before} ({@link
   * Connection#nextCheckAt()} earlier than it), earliest first (then by tenant, then by name), at
   * most {@code limit} of them. A re-verifier takes a batch, verifies each, records the outcome
   * with its next {@code nextCheckAt}, and asks again.
   *
   * @throws IllegalArgumentException when {@code limit} is not 1 to {@link ConnectionQuery#MAX_LIMIT}
   */
  List<Connection> due(Instant before, int limit);

  /**
   * Keeps {@code connection} under its tenant and name if the version kept there now is {@code
   * expectedVersion}: 0 when none may be kept, {@link #ANY_VERSION} for whatever is kept. The
   * connection's own {@link Connection#version()} is not looked at.
   *
   * @return the connection as kept, at the version after the one that was kept
   * @throws ConnectionConflictException when another version is kept; nothing is written
   */
  Connection put(Connection connection, long expectedVersion);

  /**
   * Forgets the connection kept under {@code name} in {@code tenant} if its version is {@code
   * expectedVersion} ({@link #ANY_VERSION}: whatever it is).
   *
   * @return whether one was kept and is now forgotten
   * @throws ConnectionConflictException when another version is kept (0 standing for none); nothing is removed
   */
  boolean remove(String tenant, String name, long expectedVersion);

  /**
   * Keeps {@code connection}: if it was read from this store (its version is not 0), only if that
   * version is still the one kept; if it is new (version 0), in place of whatever is kept under
   * its name.
   *
   * @return the connection as kept, with its new version
   * @throws ConnectionConflictException when it was read from the store and has changed since
   */
  default Connection put(Connection connection) {
    return put(connection, connection.version() == 0 ? ANY_VERSION : connection.version());
  }

  /**
   * Keeps what {@code change} makes of the connection kept under {@code name} in {@code tenant},
   * with no other write of it in between: {@code change} gets the connection kept now, if any, and
   * returns the one to keep under that name (its version is not looked at), or empty to keep none.
   *
   * <p>The default reads, then writes expecting the version it read, and on {@link
   * ConnectionConflictException} reads and applies {@code change} again, so {@code change} may run
   * more than once and should only compute. A store with a lock of its own may override it to read
   * and write under that lock.
   *
   * @return what is kept under {@code name} afterwards, with its version
   * @throws IllegalArgumentException when {@code change} returns a connection of another name or tenant
   * @throws ConnectionConflictException when the connection kept changed on every one of many attempts
   */
  default Optional<Connection> update(String tenant, String name, UnaryOperator<Optional<Connection>> change) {
    for (int attempt = 1; ; attempt++) {
      Optional<Connection> current = find(tenant, name);
      Optional<Connection> next = ConnectionNames.requireKeptUnder(tenant, name, change.apply(current));
      long expected = current.map(Connection::version).orElse(0L);
      try {
        if (next.isPresent()) {
          return next.get().withVersion(expected).equals(current.orElse(null)) ? current
              : Optional.of(put(next.get(), expected));
        }
        if (current.isPresent()) {
          remove(tenant, name, expected);
        }
        return next;
      } catch (ConnectionConflictException e) {
        if (attempt == UPDATE_ATTEMPTS) {
          throw e;
        }
        backOff(attempt);
      }
    }
  }

  /**
   * Forgets the connection kept under {@code name} in {@code tenant}, whatever its version.
   *
   * @return whether there was one
   */
  default boolean remove(String tenant, String name) {
    return remove(tenant, name, ANY_VERSION);
  }

  /**
   * The connection kept under {@code name} in {@code tenant}.
   *
   * @throws UnknownConnectionException when there is none
   */
  default Connection get(String tenant, String name) {
    return find(tenant, name).orElseThrow(() -> new UnknownConnectionException(name));
  }

  /** Every connection of {@code tenant}, ordered by name, read page by page. */
  default List<Connection> list(String tenant) {
    List<Connection> all = new ArrayList<>();
    ConnectionQuery query = ConnectionQuery.of(tenant).limit(ConnectionQuery.MAX_LIMIT);
    Page<Connection> page = list(query);
    all.addAll(page.items());
    while (page.next().isPresent()) {
      page = list(query.after(page.next().get()));
      all.addAll(page.items());
    }
    return all;
  }

  /**
   * The names of every connection kept for {@code tenant}, ordered, without opening them: with
   * {@link #find(String, String)} of each, a listing that shows every connection that opens and
   * says which do not, instead of one damaged record hiding the others. The default lists them.
   */
  default List<String> names(String tenant) {
    return list(tenant).stream().map(Connection::name).toList();
  }

  /**
   * Refuses, saying why, when this store could keep nothing now (a home folder nothing can be
   * written in, a database that is read-only): what connecting asks before it sends anything, so
   * that a verification's calls are not made for a connection that cannot be kept. The default
   * accepts: a store that cannot tell finds out when it writes.
   *
   * @throws ConnectionStoreException when nothing could be kept, with what to do
   */
  default void requireWritable() {
  }

  /** Every connection of the default tenant, ordered by name. */
  default List<Connection> list() {
    return list(ConnectionNames.DEFAULT_TENANT);
  }

  /** The default tenant's connection kept under {@code name}, if any. */
  default Optional<Connection> find(String name) {
    return find(ConnectionNames.DEFAULT_TENANT, name);
  }

  /**
   * The default tenant's connection kept under {@code name}.
   *
   * @throws UnknownConnectionException when there is none
   */
  default Connection get(String name) {
    return get(ConnectionNames.DEFAULT_TENANT, name);
  }

  /** {@link #update(String, String, UnaryOperator)} in the default tenant. */
  default Optional<Connection> update(String name, UnaryOperator<Optional<Connection>> change) {
    return update(ConnectionNames.DEFAULT_TENANT, name, change);
  }

  /**
   * Forgets the default tenant's connection kept under {@code name}, whatever its version.
   *
   * @return whether there was one
   */
  default boolean remove(String name) {
    return remove(ConnectionNames.DEFAULT_TENANT, name);
  }

  /** How many times the default {@link #update(String, String, UnaryOperator)} tries. */
  int UPDATE_ATTEMPTS = 16;

  // Up to a few milliseconds, random, growing with the attempts: contenders spread out.
  private static void backOff(int attempt) {
    try {
      TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(100L * attempt * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionStoreException("interrupted while retrying an update", e);
    }
  }
}
