package dev.plugboard.store.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the re-verification sweep asks of the connections table, reading plain columns only (no
 * row is opened): connections not yet on the schedule, and those falling due soon. Both keyset
 * paged, so a sweep over many connections costs one index range scan per page.
 */
final class ScheduleQueries {

  private final JdbcConnectionStore store;

  ScheduleQueries(JdbcConnectionStore store) {
    this.store = store;
  }

  /** A connection's place on the schedule: its key and when it is due, if it is scheduled. */
  record Due(String tenant, String name, Optional<Instant> nextCheckAt) {
    String instanceId() {
      return tenant + "/" + name;
    }
  }

  /** Connections with no next check, after {@code after} in (tenant, name) order. */
  List<Due> unscheduled(Optional<Due> after, int limit) {
    List<Due> found = new ArrayList<>();
    store.query("list connections not yet scheduled", "SELECT tenant, name FROM plugboard_connection"
        + " WHERE next_check_at IS NULL" + (after.isPresent() ? " AND (tenant, name) > (?, ?)" : "")
        + " ORDER BY tenant, name LIMIT ?", statement -> {
          int i = 1;
          if (after.isPresent()) {
            statement.setString(i++, after.get().tenant());
            statement.setString(i++, after.get().name());
          }
          statement.setInt(i, limit);
        }, row -> found.add(new Due(row.getString(1), row.getString(2), Optional.empty())));
    return found;
  }

  /** Connections due before {@code horizon}, after {@code after} in (next check, tenant, name) order. */
  List<Due> dueBefore(Instant horizon, Optional<Due> after, int limit) {
    List<Due> found = new ArrayList<>();
    Dialect dialect = store.dialect();
    store.query("list connections due", "SELECT tenant, name, next_check_at FROM plugboard_connection"
        + " WHERE next_check_at IS NOT NULL AND next_check_at < ?"
        + (after.isPresent() ? " AND (next_check_at, tenant, name) > (?, ?, ?)" : "")
        + " ORDER BY next_check_at, tenant, name LIMIT ?", statement -> {
          int i = 1;
          dialect.setInstant(statement, i++, horizon);
          if (after.isPresent()) {
            dialect.setInstant(statement, i++, after.get().nextCheckAt().orElseThrow());
            statement.setString(i++, after.get().tenant());
            statement.setString(i++, after.get().name());
          }
          statement.setInt(i, limit);
        }, row -> found.add(new Due(row.getString(1), row.getString(2), dialect.getInstant(row, 3))));
    return found;
  }
}
