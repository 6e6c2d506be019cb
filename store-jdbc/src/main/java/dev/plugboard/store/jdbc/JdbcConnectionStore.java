package dev.plugboard.store.jdbc;

import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionConflictException;
import dev.plugboard.host.ConnectionNames;
import dev.plugboard.host.ConnectionQuery;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.Page;
import dev.plugboard.host.spi.ConnectionSealer;
import dev.plugboard.host.spi.StoreContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Connections in PostgreSQL or SQLite, one row each: the connection sealed whole (secrets
 * included) by the {@link ConnectionSealer} every Plugboard store shares, bound to its tenant,
 * name and connector, beside plain columns for what is not secret (connector, account, status,
 * last verified, next due, version) so that queries need not open a row. The schema is created
 * and migrated by Flyway when the store opens.
 *
 * <pre>{@code
 * // Plugboard opens it from a URL (the password from PLUGBOARD_STORE_PASSWORD, never the URL):
 * Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).store("jdbc:postgresql://db/app?user=app").aead(kmsAead).build();
 *
 * // or over the application's own pool, sealing with a key of its own:
 * JdbcConnectionStore store = JdbcConnectionStore.create(dataSource, ConnectionSealer.of(aead));
 * Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).connectionStore(store).build();
 * }</pre>
 *
 * <p>Every write is one statement that names the version it replaces ({@code UPDATE … WHERE
 * version = ?}, {@code INSERT … ON CONFLICT DO NOTHING}), so two application instances writing one
 * connection never lose a write: the second is refused with {@link ConnectionConflictException}
 * and {@link #update} reads and applies its change again. Thread-safe. Close it to release the
 * pool it opened (a pool the application handed in is the application's to close).
 */
public final class JdbcConnectionStore implements ConnectionStore, AutoCloseable {

  private static final String COLUMNS = "tenant, name, connector, sealed, version";
  private static final int PUT_ATTEMPTS = 16;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ConnectionSealer sealer;
  private final String where;
  private final AutoCloseable owned;

  private JdbcConnectionStore(Database database, ConnectionSealer sealer, AutoCloseable owned) {
    this.dataSource = database.dataSource();
    this.dialect = database.dialect();
    this.sealer = sealer;
    this.where = "table plugboard_connection of " + database.description();
    this.owned = owned;
  }

  /**
   * The store over the application's own pool, sealing with {@code sealer}, its tables created or
   * migrated first. The pool stays the application's: {@link #close()} leaves it open.
   *
   * @throws ConnectionStoreException when the database cannot be reached or migrated, or holds
   *     connections sealed with another key
   */
  public static JdbcConnectionStore create(DataSource dataSource, ConnectionSealer sealer) {
    Objects.requireNonNull(dataSource, "dataSource == null");
    Objects.requireNonNull(sealer, "sealer == null");
    Database database = Database.of(dataSource);
    Migrations.migrate(dataSource, database.dialect(), database.description());
    StoreKey.requireFits(database, sealer);
    return new JdbcConnectionStore(database, sealer, () -> {});
  }

  /**
   * The store {@code url} names ({@code jdbc:postgresql://HOST[:PORT]/DATABASE} or {@code
   * jdbc:sqlite:FILE}), over a pool of its own: its tables created or migrated, its data key made
   * on first use and kept in the database wrapped by {@code context.masterKey()}, unwrapped once
   * here. The user may be in the URL ({@code ?user=app}) or {@code PLUGBOARD_STORE_USER}; the
   * password only in {@code PLUGBOARD_STORE_PASSWORD}.
   *
   * @throws ConnectionStoreException when the URL holds a password, or the database cannot be
   *     reached, migrated or opened with this master key; the message never shows a password
   */
  public static JdbcConnectionStore open(String url, StoreContext context) {
    Objects.requireNonNull(context, "context == null");
    Database database = Database.open(JdbcUrl.parse(url), context);
    try {
      Migrations.migrate(database.dataSource(), database.dialect(), database.description());
      ConnectionSealer sealer = StoreKey.unwrapOrCreate(database, context.masterKey());
      return new JdbcConnectionStore(database, sealer, database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The pool the store uses: re-verification ({@link Reverification}) keeps its schedule in the same database. */
  public DataSource dataSource() {
    return dataSource;
  }

  Dialect dialect() {
    return dialect;
  }

  /** The database, for messages: its URL without a password. */
  String description() {
    return where;
  }

  @Override
  public Optional<Connection> find(String tenant, String name) {
    ConnectionNames.requireValidTenant(tenant);
    ConnectionNames.requireValid(name);
    return read("read connection " + name, "SELECT " + COLUMNS + " FROM plugboard_connection WHERE tenant = ? AND name = ?",
        statement -> {
          statement.setString(1, tenant);
          statement.setString(2, name);
        }, 1).stream().findFirst();
  }

  @Override
  public Page<Connection> list(ConnectionQuery query) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM plugboard_connection WHERE tenant = ?");
    query.connector().ifPresent(connector -> sql.append(" AND connector = ?"));
    query.status().ifPresent(status -> sql.append(" AND status = ?"));
    query.dueBefore().ifPresent(before -> sql.append(" AND next_check_at IS NOT NULL AND next_check_at < ?"));
    query.after().ifPresent(after -> sql.append(" AND name > ?"));
    sql.append(" ORDER BY name LIMIT ?");
    List<Connection> rows = read("list connections", sql.toString(), statement -> {
      int i = 1;
      statement.setString(i++, query.tenant());
      if (query.connector().isPresent()) {
        statement.setString(i++, query.connector().get());
      }
      if (query.status().isPresent()) {
        statement.setString(i++, query.status().get().name());
      }
      if (query.dueBefore().isPresent()) {
        dialect.setInstant(statement, i++, query.dueBefore().get());
      }
      if (query.after().isPresent()) {
        statement.setString(i++, query.after().get());
      }
      statement.setInt(i, query.limit() + 1);
    }, query.limit() + 1);
    if (rows.size() <= query.limit()) {
      return Page.last(rows);
    }
    List<Connection> page = rows.subList(0, query.limit());
    return new Page<>(page, Optional.of(page.get(page.size() - 1).name()));
  }

  @Override
  public List<Connection> due(Instant before, int limit) {
    Objects.requireNonNull(before, "before == null");
    if (limit < 1 || limit > ConnectionQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + ConnectionQuery.MAX_LIMIT + ": " + limit);
    }
    return read("list connections due", "SELECT " + COLUMNS + " FROM plugboard_connection"
        + " WHERE next_check_at IS NOT NULL AND next_check_at < ? ORDER BY next_check_at, tenant, name LIMIT ?",
        statement -> {
          dialect.setInstant(statement, 1, before);
          statement.setInt(2, limit);
        }, limit);
  }

  @Override
  public Connection put(Connection connection, long expectedVersion) {
    Objects.requireNonNull(connection, "connection == null");
    if (expectedVersion < ANY_VERSION) {
      throw new IllegalArgumentException("expectedVersion must be 0 or more, or ANY_VERSION: " + expectedVersion);
    }
    if (expectedVersion != ANY_VERSION) {
      return write(connection, expectedVersion);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return write(connection, keptVersion(connection.tenant(), connection.name()));
      } catch (ConnectionConflictException e) {
        if (attempt == PUT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Override
  public boolean remove(String tenant, String name, long expectedVersion) {
    ConnectionNames.requireValidTenant(tenant);
    ConnectionNames.requireValid(name);
    if (expectedVersion < ANY_VERSION) {
      throw new IllegalArgumentException("expectedVersion must be 0 or more, or ANY_VERSION: " + expectedVersion);
    }
    if (expectedVersion == 0) {
      long kept = keptVersion(tenant, name);
      if (kept != 0) {
        throw new ConnectionConflictException(tenant, name, 0, kept);
      }
      return false;
    }
    String sql = "DELETE FROM plugboard_connection WHERE tenant = ? AND name = ?"
        + (expectedVersion == ANY_VERSION ? "" : " AND version = ?");
    int removed = update("remove connection " + name, sql, statement -> {
      statement.setString(1, tenant);
      statement.setString(2, name);
      if (expectedVersion != ANY_VERSION) {
        statement.setLong(3, expectedVersion);
      }
    });
    if (removed == 0 && expectedVersion != ANY_VERSION) {
      throw new ConnectionConflictException(tenant, name, expectedVersion, keptVersion(tenant, name));
    }
    return removed > 0;
  }

  /** Releases the pool this store opened; a pool the application handed in stays open. */
  @Override
  public void close() {
    try {
      owned.close();
    } catch (Exception e) {
      throw new ConnectionStoreException("cannot close the pool of " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "JdbcConnectionStore[" + where + "]";
  }

  /** Writes {@code connection} over version {@code expected} (0: none), as version {@code expected + 1}. */
  private Connection write(Connection connection, long expected) {
    Connection next = connection.withVersion(expected + 1);
    byte[] sealed = sealer.seal(next);
    String sql = expected == 0
        ? "INSERT INTO plugboard_connection (connector, sealed, account, status, checked_at, next_check_at, version,"
            + " tenant, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant, name) DO NOTHING"
        : "UPDATE plugboard_connection SET connector = ?, sealed = ?, account = ?, status = ?, checked_at = ?,"
            + " next_check_at = ?, version = ? WHERE tenant = ? AND name = ? AND version = ?";
    int written = update("write connection " + connection.name(), sql, statement -> {
      statement.setString(1, next.connector());
      statement.setBytes(2, sealed);
      statement.setString(3, next.account().display());
      statement.setString(4, next.status().name());
      dialect.setInstant(statement, 5, next.checkedAt());
      dialect.setInstant(statement, 6, next.nextCheckAt());
      statement.setLong(7, next.version());
      statement.setString(8, next.tenant());
      statement.setString(9, next.name());
      if (expected != 0) {
        statement.setLong(10, expected);
      }
    });
    if (written == 0) {
      throw new ConnectionConflictException(next.tenant(), next.name(), expected,
          keptVersion(next.tenant(), next.name()));
    }
    return next;
  }

  private long keptVersion(String tenant, String name) {
    List<Long> versions = new ArrayList<>();
    query("read connection " + name, "SELECT version FROM plugboard_connection WHERE tenant = ? AND name = ?",
        statement -> {
          statement.setString(1, tenant);
          statement.setString(2, name);
        }, rows -> versions.add(rows.getLong(1)));
    return versions.isEmpty() ? 0 : versions.get(0);
  }

  private List<Connection> read(String what, String sql, Binder binder, int expected) {
    List<Connection> connections = new ArrayList<>(Math.min(expected, 64));
    List<Row> rows = new ArrayList<>(Math.min(expected, 64));
    query(what, sql, binder, result -> rows.add(new Row(result.getString(1), result.getString(2), result.getString(3),
        result.getBytes(4), result.getLong(5))));
    // Opened after the result set is closed: a row that does not open fails the call, naming it.
    for (Row row : rows) {
      connections.add(sealer.open(row.tenant(), row.name(), row.connector(), row.version(), row.sealed(), where));
    }
    return connections;
  }

  void query(String what, String sql, Binder binder, RowReader reader) {
    try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * Refuses a database that takes no writes: a connection opened read-only, or a PostgreSQL
   * session that is read-only (a standby, or {@code default_transaction_read_only}).
   */
  @Override
  public void requireWritable() {
    try (java.sql.Connection db = dataSource.getConnection()) {
      boolean readOnly = db.isReadOnly();
      if (!readOnly && dialect == Dialect.POSTGRESQL) {
        try (PreparedStatement statement = db.prepareStatement("SHOW transaction_read_only");
            ResultSet result = statement.executeQuery()) {
          readOnly = result.next() && "on".equalsIgnoreCase(result.getString(1));
        }
      }
      if (readOnly) {
        throw new ConnectionStoreException(where + " is read-only (a standby, or a read-only user or session), so no"
            + " connection could be kept in it; nothing was sent. Point the store at the primary database, or at one"
            + " the user may write to");
      }
    } catch (SQLException e) {
      throw failure("check that connections can be kept", e);
    }
  }

  private int update(String what, String sql, Binder binder) {
    try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
      binder.bind(statement);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private ConnectionStoreException failure(String what, SQLException e) {
    return new ConnectionStoreException("cannot " + what + " in " + where + ": " + Database.describe(e)
        + ". Check that the database is reachable and the user may use Plugboard's tables, then try again", e);
  }

  private record Row(String tenant, String name, String connector, byte[] sealed, long version) {}

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  @FunctionalInterface
  interface RowReader {
    void read(ResultSet row) throws SQLException;
  }
}
