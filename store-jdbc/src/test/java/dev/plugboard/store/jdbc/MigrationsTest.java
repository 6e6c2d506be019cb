package dev.plugboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.plugboard.store.jdbc.testing.PostgresCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MigrationsTest {

  @TempDir Path folder;

  @Test
  void aNewPostgresDatabaseGetsTheConnectionsAndSchedulerTablesOnceEvenWhenFourInstancesStartAtOnce() throws Exception {
    PostgresCluster postgres = PostgresCluster.shared();
    String url = postgres.newDatabase();
    migrateConcurrently(() -> pool(url, postgres.user(), postgres.password()), Dialect.POSTGRESQL, 4);
    try (HikariDataSource dataSource = pool(url, postgres.user(), postgres.password())) {

      assertThat(tables(dataSource, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
          .contains("plugboard_connection", "plugboard_scheduled_tasks", Migrations.HISTORY_TABLE);
      assertThat(appliedMigrations(dataSource)).containsExactly("1", "2");
    }
  }

  @Test
  void aNewSqliteFileGetsTheSameTablesAndMigratingAgainChangesNothing() throws Exception {
    try (HikariDataSource dataSource = pool("jdbc:sqlite:" + folder.resolve("plugboard.db"), null, null)) {
      Migrations.migrate(dataSource, Dialect.SQLITE, "the test file");
      Migrations.migrate(dataSource, Dialect.SQLITE, "the test file");

      assertThat(tables(dataSource, "SELECT name FROM sqlite_master WHERE type = 'table'"))
          .contains("plugboard_connection", "plugboard_scheduled_tasks", Migrations.HISTORY_TABLE);
      assertThat(appliedMigrations(dataSource)).containsExactly("1", "2");
    }
  }

  @Test
  void aPostgresSchemaHoldingTheApplicationsOwnTablesIsMigratedBesideThem() throws Exception {
    PostgresCluster postgres = PostgresCluster.shared();
    try (HikariDataSource dataSource = pool(postgres.newDatabase(), postgres.user(), postgres.password())) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE invoices (id BIGINT PRIMARY KEY)");
      }
      Migrations.migrate(dataSource, Dialect.POSTGRESQL, "the test database");

      assertThat(tables(dataSource, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
          .contains("invoices", "plugboard_connection", "plugboard_scheduled_tasks");
    }
  }

  /** Each instance with a pool of its own, as each application instance has. */
  private static void migrateConcurrently(Supplier<HikariDataSource> instance, Dialect dialect, int instances)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    try {
      List<Future<Object>> started = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        Callable<Object> migrate = () -> {
          try (HikariDataSource dataSource = instance.get()) {
            Migrations.migrate(dataSource, dialect, "the test database");
          }
          return null;
        };
        started.add(pool.submit(migrate));
      }
      for (Future<Object> each : started) {
        each.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> appliedMigrations(HikariDataSource dataSource) throws SQLException {
    return tables(dataSource, "SELECT version FROM " + Migrations.HISTORY_TABLE
        + " WHERE success AND version IS NOT NULL AND version <> '0' ORDER BY installed_rank");
  }

  private static List<String> tables(HikariDataSource dataSource, String query) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }
}
