package dev.plugboard.store.jdbc;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.plugboard.host.Connection;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.UnknownConnectionException;
import dev.plugboard.host.UnknownConnectorException;
import dev.plugboard.host.VerificationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two tasks in the shared schedule. {@code plugboard-verify}, one instance per connection
 * (its id {@code tenant/name}), verifies the connection when due, records the outcome with the
 * next check, and puts itself back in the schedule for then. {@code plugboard-schedule}, one
 * recurring instance run by one application instance at a time, puts connections on the
 * schedule that are not on it yet (new ones), or are due sooner than their place there.
 *
 * <p>A verify task reads its connection before acting, so the connection's next check is the one
 * truth: a task that runs early (a connection verified meanwhile by another way, or revived after
 * its instance died having recorded the outcome) only moves itself to the connection's next check.
 */
final class ReverifyTasks {

  static final String TABLE = "plugboard_scheduled_tasks";
  static final String VERIFY = "plugboard-verify";
  static final String SWEEP = "plugboard-schedule";

  private static final Logger LOG = LoggerFactory.getLogger(ReverifyTasks.class);
  private static final int SWEEP_PAGE = 500;
  /** A verification whose host is busy is put back by about this much. */
  private static final Duration HOST_BUSY_DELAY = Duration.ofMillis(500);
  /** A waiting task set for this much later than its connection's next check has the wrong place on the schedule. */
  private static final Duration LATE = Duration.ofSeconds(10);
  /** A connection whose connector no plugin here contributes is looked at again this much later. */
  private static final Duration NO_CONNECTOR_DELAY = Duration.ofMinutes(5);

  private final Plugboard plugboard;
  private final ScheduleQueries queries;
  private final JdbcConnectionStore store;
  private final Schedule schedule;
  private final HostLimits limits;
  private final ReverificationListener listener;
  private final CustomTask<Void> verify;
  private final RecurringTask<Void> sweep;

  ReverifyTasks(Plugboard plugboard, JdbcConnectionStore store, Schedule schedule, HostLimits limits,
      ReverificationListener listener, Duration sweepInterval) {
    this.plugboard = plugboard;
    this.store = store;
    this.queries = new ScheduleQueries(store);
    this.schedule = schedule;
    this.limits = limits;
    this.listener = listener;
    this.verify = Tasks.custom(VERIFY, Void.class)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30)))
        .onDeadExecutionRevive()
        .execute(this::verify);
    this.sweep = Tasks.recurring(SWEEP, FixedDelay.of(sweepInterval))
        .onDeadExecutionRevive()
        .execute((instance, context) -> sweep(context.getSchedulerClient(), sweepInterval));
  }

  CustomTask<Void> verify() {
    return verify;
  }

  RecurringTask<Void> sweep() {
    return sweep;
  }

  private CompletionHandler<Void> verify(TaskInstance<Void> instance, ExecutionContext context) {
    String id = instance.getId();
    int slash = id.indexOf('/');
    String tenant = id.substring(0, slash);
    String name = id.substring(slash + 1);
    Optional<Connection> kept = store.find(tenant, name);
    if (kept.isEmpty()) {
      return removed();
    }
    Connection connection = kept.get();
    Instant now = schedule.now();
    if (connection.nextCheckAt().isEmpty()) {
      // New to the schedule: its last verification counts as the one of this period.
      Instant next = schedule.nextAfter(connection.checkedAt());
      if (next.isAfter(now)) {
        store.update(tenant, name, current -> current.map(c -> c.nextCheckAt().isEmpty() ? c.withNextCheckAt(Optional.of(next)) : c));
        return at(next);
      }
    } else if (connection.nextCheckAt().get().isAfter(now)) {
      return at(connection.nextCheckAt().get());
    }
    Optional<HostLimits.Permit> permit = limits.tryAcquire(connection);
    if (permit.isEmpty()) {
      return at(now.plusMillis(ThreadLocalRandom.current().nextLong(HOST_BUSY_DELAY.toMillis(), 3 * HOST_BUSY_DELAY.toMillis())));
    }
    try (HostLimits.Permit held = permit.get()) {
      Instant next = schedule.nextAfter(now);
      VerificationReport report = plugboard.verifyConnection(tenant, name, next);
      tell(connection, report);
      return at(next);
    } catch (UnknownConnectionException e) {
      return removed();
    } catch (UnknownConnectorException e) {
      LOG.warn("cannot verify connection {} of tenant {}: no plugin loaded here contributes connector {}; looking again"
          + " in {}", name, tenant, connection.connector(), NO_CONNECTOR_DELAY);
      return at(now.plus(NO_CONNECTOR_DELAY));
    }
  }

  private void tell(Connection before, VerificationReport report) {
    try {
      listener.verified(before.tenant(), before.name(), report);
      StatusChange.between(before, report).ifPresent(listener::statusChanged);
    } catch (RuntimeException e) {
      LOG.warn("the re-verification listener failed on connection {} of tenant {} ({}); the outcome is recorded",
          before.name(), before.tenant(), e.toString());
    }
  }

  /** Puts connections on the schedule that are not on it, or are due before their place on it. */
  private void sweep(SchedulerClient scheduler, Duration interval) {
    Instant now = schedule.now();
    Instant horizon = now.plus(interval.multipliedBy(2));
    int added = 0;
    Optional<ScheduleQueries.Due> after = Optional.empty();
    for (List<ScheduleQueries.Due> page; !(page = queries.missing(horizon, after, SWEEP_PAGE)).isEmpty(); ) {
      for (ScheduleQueries.Due due : page) {
        Instant at = due.nextCheckAt().filter(next -> next.isAfter(now)).orElse(now);
        added += scheduler.scheduleIfNotExists(instance(due), at) ? 1 : 0;
      }
      after = Optional.of(page.get(page.size() - 1));
    }
    after = Optional.empty();
    Instant late = now.plus(LATE.compareTo(interval.multipliedBy(2)) > 0 ? LATE : interval.multipliedBy(2));
    for (List<ScheduleQueries.Due> page; !(page = queries.late(horizon, late, after, SWEEP_PAGE)).isEmpty(); ) {
      for (ScheduleQueries.Due due : page) {
        try {
          scheduler.reschedule(instance(due), due.nextCheckAt().orElseThrow());
        } catch (RuntimeException e) {
          LOG.debug("connection {} of tenant {} is being verified already: {}", due.name(), due.tenant(), e.toString());
        }
      }
      after = Optional.of(page.get(page.size() - 1));
    }
    if (added > 0) {
      LOG.debug("put {} connections on the re-verification schedule", added);
    }
  }

  private TaskInstance<Void> instance(ScheduleQueries.Due due) {
    return verify.instance(due.instanceId());
  }

  private static CompletionHandler<Void> at(Instant next) {
    return (complete, operations) -> operations.reschedule(complete, next);
  }

  private static CompletionHandler<Void> removed() {
    return (complete, operations) -> operations.remove();
  }
}
