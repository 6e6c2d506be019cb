package dev.plugboard.host;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which connections of one tenant a {@link ConnectionStore#list(ConnectionQuery)} returns: those
 * of a connector, of a status, due for re-verification; ordered by name, {@link #limit()} at a
 * time, each page after the last name of the one before (keyset paging: a page costs the same
 * however deep into the listing it is, and a connection kept meanwhile is neither skipped nor
 * shown twice).
 *
 * <pre>{@code
 * ConnectionQuery failing = ConnectionQuery.of("customer-42")
 *     .connector("shop")
 *     .status(VerificationReport.Status.FAILED)
 *     .limit(50);
 * Page<Connection> first = store.list(failing);
 * first.next().ifPresent(last -> store.list(failing.after(last)));
 *
 * // due for re-verification within the tenant:
 * store.list(ConnectionQuery.of("customer-42").dueBefore(clock.instant()));
 * }</pre>
 *
 * @param tenant the tenant whose connections are listed; never another's
 * @param connector only connections of this connector, when present
 * @param status only connections whose last verification had this status, when present
 * @param dueBefore only connections whose {@link Connection#nextCheckAt()} is before this, when present
 * @param after only connections whose name sorts after this one (the {@link Page#next()} of the page before)
 * @param limit at most this many connections, 1 to {@value #MAX_LIMIT}
 */
public record ConnectionQuery(
    String tenant,
    Optional<String> connector,
    Optional<VerificationReport.Status> status,
    Optional<Instant> dueBefore,
    Optional<String> after,
    int limit) {

  /** The limit unless one is set. */
  public static final int DEFAULT_LIMIT = 100;
  /** The largest page a store returns. */
  public static final int MAX_LIMIT = 1000;

  /** @throws IllegalArgumentException when a part breaks its rules */
  public ConnectionQuery {
    ConnectionNames.requireValidTenant(tenant);
    Objects.requireNonNull(connector, "connector == null: use Optional.empty()");
    Objects.requireNonNull(status, "status == null: use Optional.empty()");
    Objects.requireNonNull(dueBefore, "dueBefore == null: use Optional.empty()");
    Objects.requireNonNull(after, "after == null: use Optional.empty()");
    after.ifPresent(name -> {
      if (!ConnectionNames.isValid(name)) {
        throw new IllegalArgumentException("after is not a connection name: pass the next() of the page before");
      }
    });
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
    }
  }

  /** Every connection of {@code tenant}, {@value #DEFAULT_LIMIT} at a time. */
  public static ConnectionQuery of(String tenant) {
    return new ConnectionQuery(tenant, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
  }

  /** This query for connections of {@code connectorId} only. */
  public ConnectionQuery connector(String connectorId) {
    return new ConnectionQuery(tenant, Optional.of(connectorId), status, dueBefore, after, limit);
  }

  /** This query for connections whose last verification had {@code status} only. */
  public ConnectionQuery status(VerificationReport.Status status) {
    return new ConnectionQuery(tenant, connector, Optional.of(status), dueBefore, after, limit);
  }

  /** This query for connections due for re-verification before {@code instant} only. */
  public ConnectionQuery dueBefore(Instant instant) {
    return new ConnectionQuery(tenant, connector, status, Optional.of(instant), after, limit);
  }

  /** This query for the page after the one that ended with {@code name} ({@link Page#next()}). */
  public ConnectionQuery after(String name) {
    return new ConnectionQuery(tenant, connector, status, dueBefore, Optional.of(name), limit);
  }

  /** This query returning at most {@code limit} connections a page. */
  public ConnectionQuery limit(int limit) {
    return new ConnectionQuery(tenant, connector, status, dueBefore, after, limit);
  }

  /**
   * Whether {@code connection} is one this query lists, paging aside ({@link #after()} included,
   * {@link #limit()} not): for store implementations that filter in memory.
   */
  public boolean matches(Connection connection) {
    return connection.tenant().equals(tenant)
        && connector.map(connection.connector()::equals).orElse(true)
        && status.map(s -> s == connection.status()).orElse(true)
        && dueBefore.map(connection::dueBefore).orElse(true)
        && after.map(name -> connection.name().compareTo(name) > 0).orElse(true);
  }
}
