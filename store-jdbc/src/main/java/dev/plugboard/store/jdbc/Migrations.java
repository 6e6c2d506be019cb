package dev.plugboard.store.jdbc;

import dev.plugboard.host.ConnectionStoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Creates and migrates the store's tables with Flyway, never by hand: the connections table and
 * db-scheduler's table, their history in {@code plugboard_schema_history} (apart from an
 * application's own Flyway history). Several instances starting at once are safe: Flyway locks
 * the history (on PostgreSQL, with an advisory lock) while it migrates.
 */
final class Migrations {

  static final String HISTORY_TABLE = "plugboard_schema_history";

  private Migrations() {}

  /** @throws ConnectionStoreException when the schema cannot be brought up to date, saying why */
  static void migrate(DataSource dataSource, Dialect dialect, String where) {
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
