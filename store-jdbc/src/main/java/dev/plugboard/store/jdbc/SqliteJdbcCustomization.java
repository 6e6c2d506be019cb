package dev.plugboard.store.jdbc;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/** db-scheduler's SQL for SQLite, which limits a query with {@code LIMIT n}, not ANSI's {@code FETCH FIRST n ROWS ONLY}. */
final class SqliteJdbcCustomization extends DefaultJdbcCustomization {

  SqliteJdbcCustomization() {
    super(false);
  }

  @Override
  public String getName() {
    return "SQLite";
  }

  @Override
  public boolean supportsExplicitQueryLimitPart() {
    return true;
  }

  @Override
  public String getQueryLimitPart(int limit) {
    return " LIMIT " + limit;
  }
}
