package dev.plugboard.store.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the re-verification sweep asks of the database, reading plain columns only (no row is
 * opened): connections that are not on the schedule although they are new (no next check) or due
 * soon, and connections due sooner than their place on it. Each is one keyset-paged query joining
 * the connections with the scheduler's table, so a sweep that finds everything in place costs one
 * index scan, however many connections there are.
 */
final class ScheduleQueries {

  private static final String INSTANCE = "c.tenant || '/' || c.name";

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

  /** Connections new or due before {@code horizon} with no task on the schedule, after {@code after} in (tenant, name) order. */
  List<Due> missing(Instant horizon, Optional<Due> after, int limit) {
    return select("list connections missing from the schedule",
        "(c.next_check_at IS NULL OR c.next_check_at < ?) AND NOT EXISTS (SELECT 1 FROM " + ReverifyTasks.TABLE
            + " t WHERE t.task_name = ? AND t.task_instance = " + INSTANCE + ")", horizon, after, limit);
  }

  /**
   * Connections due before {@code horizon} whose waiting task is set for after {@code laterThan}
   * (their next check was brought forward), after {@code after} in (tenant, name) order. A task
   * put back a moment because its host was busy is not late.
   */
  List<Due> late(Instant horizon, Instant laterThan, Optional<Due> after, int limit) {
    return select("list connections due before their place on the schedule",
        "c.next_check_at < ? AND EXISTS (SELECT 1 FROM " + ReverifyTasks.TABLE + " t WHERE t.task_name = ? AND"
            + " t.task_instance = " + INSTANCE + " AND NOT t.picked AND t.execution_time > ?)",
        horizon, Optional.of(laterThan), after, limit);
  }

  private List<Due> select(String what, String condition, Instant horizon, Optional<Due> after, int limit) {
    return select(what, condition, horizon, Optional.empty(), after, limit);
  }

  private List<Due> select(String what, String condition, Instant horizon, Optional<Instant> laterThan,
      Optional<Due> after, int limit) {
    List<Due> found = new ArrayList<>();
    Dialect dialect = store.dialect();
    store.query(what, "SELECT c.tenant, c.name, c.next_check_at FROM plugboard_connection c WHERE " + condition
        + (after.isPresent() ? " AND (c.tenant, c.name) > (?, ?)" : "") + " ORDER BY c.tenant, c.name LIMIT ?",
        statement -> {
          int i = 1;
          dialect.setInstant(statement, i++, horizon);
          statement.setString(i++, ReverifyTasks.VERIFY);
          if (laterThan.isPresent()) {
            store.dialect().setInstant(statement, i++, laterThan.get());
          }
          if (after.isPresent()) {
            statement.setString(i++, after.get().tenant());
            statement.setString(i++, after.get().name());
          }
          statement.setInt(i, limit);
        }, row -> found.add(new Due(row.getString(1), row.getString(2), dialect.getInstant(row, 3))));
    return found;
  }
}
