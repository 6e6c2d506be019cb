package dev.plugboard.store.jdbc;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import dev.plugboard.host.Plugboard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Verifies every kept connection again once per period, on a schedule shared by all instances of
 * the application through the store's database (db-scheduler; on PostgreSQL it takes due work
 * with {@code SELECT … FOR UPDATE SKIP LOCKED}). Each connection is verified by one instance at a
 * time; the next check is jittered so that a platform's calls spread out; an instance that dies
 * mid-verification has that work taken over by another once its heartbeat is missed; calls to
 * one platform host are bounded per instance. The outcome is recorded in the connection, with
 * its next check, and the application is told when a status changes.
 *
 * <pre>{@code
 * try (Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).store("jdbc:postgresql://db/app?user=app").build();
 *     Reverification reverification = Reverification.builder(plugboard)
 *         .every(Duration.ofDays(1))
 *         .listener(new ReverificationListener() {
 *           @Override public void statusChanged(StatusChange change) { alerts.send(change.describe()); }
 *         })
 *         .start()) {
 *   // ... the application runs; every instance starts its own Reverification over the same database
 * }
 * }</pre>
 *
 * <p>A connection kept without a next check is put on the schedule at its last verification plus
 * a jittered period. Close it to stop taking work (work already running is finished first).
 */
public final class Reverification implements AutoCloseable {

  private final Scheduler scheduler;

  private Reverification(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Settings for re-verifying the connections {@code plugboard} keeps, with it.
   *
   * @throws IllegalArgumentException when it keeps them elsewhere than in a database store
   *     ({@code Plugboard.Builder.store("jdbc:…")} or {@code .connectionStore(JdbcConnectionStore…)})
   */
  public static Builder builder(Plugboard plugboard) {
    Objects.requireNonNull(plugboard, "plugboard == null");
    if (!(plugboard.connections() instanceof JdbcConnectionStore store)) {
      throw new IllegalArgumentException("re-verification on a shared schedule needs the database store, which this"
          + " Plugboard does not use: build it with .store(\"jdbc:postgresql://…\") or .store(\"jdbc:sqlite:FILE\")");
    }
    return new Builder(plugboard, store);
  }

  /** Stops taking work; verifications running are finished (up to the shutdown wait) and recorded. */
  @Override
  public void close() {
    scheduler.stop();
  }

  /** Settings for a {@link Reverification}; each has a default. */
  public static final class Builder {
    private final Plugboard plugboard;
    private final JdbcConnectionStore store;
    private Duration period = Duration.ofDays(1);
    private double jitter = 0.1;
    private int perHost = 2;
    private int threads = 4;
    private Duration pollingInterval = Duration.ofSeconds(10);
    private Duration heartbeat = Duration.ofSeconds(30);
    private Duration sweepInterval = Duration.ofMinutes(1);
    private Duration shutdownWait = Duration.ofSeconds(30);
    private ReverificationListener listener = new ReverificationListener() {};
    private Clock clock = Clock.systemUTC();
    private String instanceName = defaultInstanceName();

    private Builder(Plugboard plugboard, JdbcConnectionStore store) {
      this.plugboard = Objects.requireNonNull(plugboard, "plugboard == null");
      this.store = Objects.requireNonNull(store, "store == null");
    }

    /** How often each connection is verified; a day unless set. */
    public Builder every(Duration period) {
      this.period = positive(period, "period");
      return this;
    }

    /**
     * How far each next check may stray from one period later, as a fraction of the period
     * ({@code 0.1}: 0.9 to 1.1 periods, the default), so that connections made together spread out.
     */
    public Builder jitter(double fraction) {
      if (!(fraction >= 0 && fraction < 1)) {
        throw new IllegalArgumentException("jitter must be at least 0 and below 1: " + fraction);
      }
      this.jitter = fraction;
      return this;
    }

    /** How many verifications this instance runs at once against one platform host; 2 unless set. */
    public Builder perHost(int verifications) {
      if (verifications < 1) {
        throw new IllegalArgumentException("perHost must be 1 or more: " + verifications);
      }
      this.perHost = verifications;
      return this;
    }

    /** How many verifications this instance runs at once in all; 4 unless set. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be 1 or more: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** How often this instance looks for due work; 10 s unless set. */
    public Builder pollingInterval(Duration interval) {
      this.pollingInterval = positive(interval, "pollingInterval");
      return this;
    }

    /**
     * How often a running verification is marked alive; one unmarked for 4 of these is taken
     * over by another instance. 30 s unless set.
     */
    public Builder heartbeat(Duration interval) {
      this.heartbeat = positive(interval, "heartbeat");
      return this;
    }

    /** How often new connections are put on the schedule; a minute unless set. */
    public Builder sweepInterval(Duration interval) {
      this.sweepInterval = positive(interval, "sweepInterval");
      return this;
    }

    /** How long {@link #close()} waits for verifications running; 30 s unless set. */
    public Builder shutdownWait(Duration wait) {
      this.shutdownWait = positive(wait, "shutdownWait");
      return this;
    }

    /** Who is told of verifications and status changes. */
    public Builder listener(ReverificationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** The clock next checks are reckoned by; the system's (UTC) unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How this instance is named in the schedule table ({@code picked_by}); host name and pid unless set. */
    public Builder instanceName(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank() || name.length() > 100) {
        throw new IllegalArgumentException("instanceName must be 1 to 100 characters: " + name.length());
      }
      this.instanceName = name;
      return this;
    }

    /** Starts taking due work from the shared schedule. */
    public Reverification start() {
      ReverifyTasks tasks = new ReverifyTasks(plugboard, store, new Schedule(period, jitter, clock),
          new HostLimits(perHost), listener, sweepInterval);
      SchedulerBuilder builder = Scheduler.create(store.dataSource(), tasks.verify())
          .startTasks(tasks.sweep())
          .tableName(ReverifyTasks.TABLE)
          .serializer(new NoDataSerializer())
          .threads(threads)
          .pollingInterval(pollingInterval)
          .heartbeatInterval(heartbeat)
          .missedHeartbeatsLimit(4)
          .shutdownMaxWait(shutdownWait)
          .schedulerName(new SchedulerName.Fixed(instanceName))
          .clock(clock::instant);
      if (store.dialect() == Dialect.POSTGRESQL) {
        builder.pollUsingLockAndFetch(0.5, 1.0); // SELECT … FOR UPDATE SKIP LOCKED
      } else {
        builder.jdbcCustomization(new SqliteJdbcCustomization());
      }
      Scheduler scheduler = builder.build();
      scheduler.start();
      return new Reverification(scheduler);
    }

    private static Duration positive(Duration duration, String what) {
      Objects.requireNonNull(duration, what + " == null");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + duration);
      }
      return duration;
    }

    private static String defaultInstanceName() {
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "unknown-host";
      }
      String name = host + "-" + ProcessHandle.current().pid();
      return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
  }
}
