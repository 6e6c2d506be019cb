package dev.plugboard.store.jdbc;

import dev.plugboard.host.ConnectionStoreException;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Creates and migrates the store's tables with Flyway, never by hand: the connections table and
 * db-scheduler's table, their history in {@code plugboard_schema_history} (apart from an
 * application's own Flyway history). Several instances starting at once are safe: on PostgreSQL
 * they take turns under an advisory lock of Plugboard's own (Flyway's own lock does not cover
 * making the history table beside an application's tables); on SQLite, one that finds the history
 * half made by another tries again.
 */
final class Migrations {

  static final String HISTORY_TABLE = "plugboard_schema_history";
  /** Plugboard's advisory lock key on PostgreSQL ("PLUGBRD" in ASCII). */
  private static final long ADVISORY_LOCK = 0x504C5547425244L;

  private Migrations() {}

  /** @throws ConnectionStoreException when the schema cannot be brought up to date, saying why */
  static void migrate(DataSource dataSource, Dialect dialect, String where) {
    if (dialect == Dialect.POSTGRESQL) {
      try (java.sql.Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + ADVISORY_LOCK + ")");
        try {
          flyway(dataSource, dialect, where);
        } finally {
          statement.execute("SELECT pg_advisory_unlock(" + ADVISORY_LOCK + ")");
        }
      } catch (SQLException e) {
        throw new ConnectionStoreException("cannot take the migration lock in " + where + ": " + Database.describe(e), e);
      }
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        flyway(dataSource, dialect, where);
        return;
      } catch (ConnectionStoreException e) {
        if (attempt == 10) {
          throw e;
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static void flyway(DataSource dataSource, Dialect dialect, String where) {
    try {
      Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(dataSource)
          .locations(dialect.migrations())
          .table(HISTORY_TABLE)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .validateMigrationNaming(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new ConnectionStoreException("cannot create or migrate Plugboard's tables in " + where + ": "
          + e.getMessage() + ". Check that the database user may create tables there", e);
    }
  }
}
