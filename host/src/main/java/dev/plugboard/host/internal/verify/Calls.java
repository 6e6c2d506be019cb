package dev.plugboard.host.internal.verify;

import dev.plugboard.host.Evidence;
import dev.plugboard.host.internal.http.ApiSession;
import dev.plugboard.host.internal.http.HttpOutcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Runs one verification's calls concurrently on the HTTP client's own dispatcher, at most
 * {@code parallelism} at a time (0: all at once), and sends a call asked for twice only once (the
 * identity call is often also a scope's probe). No thread is started for it: a call waiting its
 * turn is started by the answer of the one before. Waiting for a call never outlasts the deadline: at the deadline the calls still
 * running are cancelled, and what has not ended shortly after is reported unfinished.
 */
final class Calls implements AutoCloseable {

  /** After the deadline, how long cancelled calls get to report how they ended. */
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  /**
   * "No limit" still has one, so that a descriptor with hundreds of scopes cannot have hundreds of
   * calls out at once; it is above any real platform's scope count (the first connectors declare 8 and 13), so every probe
   * of those still goes out at once.
   */
  static final int DEFAULT_BOUND = 32;

  private final ApiSession session;
  private final int bound;
  /** Calls out now, and those waiting their turn, under this object's lock. */
  private int out;
  private final Deque<Runnable> turns = new ArrayDeque<>();
  private final Map<String, CompletableFuture<HttpOutcome>> sent = new ConcurrentHashMap<>();
  /** The calls started with their body kept: a call asked for again with its body joins only those. */
  private final Set<String> readsBody = ConcurrentHashMap.newKeySet();

  Calls(ApiSession session, int parallelism) {
    this.session = session;
    this.bound = parallelism <= 0 ? DEFAULT_BOUND : parallelism;
  }

  /**
   * Starts {@code method url}, or joins the same call already started; {@code authenticated} for
   * the credentials to go with it, {@code readBody} for a body to read.
   */
  Pending submit(String method, HttpUrl url, boolean authenticated, boolean readBody) {
    String key = method + " " + url + (authenticated ? "" : " (without credentials)");
    Runnable[] go = new Runnable[1];
    CompletableFuture<HttpOutcome> future = sent.compute(key, (k, started) -> {
      if (started != null && (!readBody || readsBody.contains(k))) {
        return started;
      }
      if (readBody) {
        readsBody.add(k);
      }
      CompletableFuture<HttpOutcome> outcome = new CompletableFuture<>();
      go[0] = () -> session.start(method, url, authenticated, readBody).whenComplete((result, failure) -> {
        nextTurn(); // before anything waits on this call's outcome
        if (failure != null) {
          outcome.completeExceptionally(failure);
        } else {
          outcome.complete(result);
        }
      });
      return outcome;
    });
    if (go[0] != null) {
      // outside the map's lock: a call may end at once, and what waits on it may submit another
      startOrQueue(go[0]);
    }
    return new Pending(method, url, future);
  }

  /** Starts a call now, or queues it for its turn when {@code bound} calls are out. */
  private void startOrQueue(Runnable go) {
    synchronized (this) {
      if (out >= bound) {
        turns.add(go);
        return;
      }
      out++;
    }
    go.run();
  }

  /** A call ended: the next waiting its turn goes. */
  private void nextTurn() {
    Runnable next;
    synchronized (this) {
      next = turns.poll();
      if (next == null) {
        out--;
        return;
      }
    }
    next.run();
  }

  @Override
  public void close() {
    session.close();
  }

  /** A call started; {@link #await()} gives how it ended, by the deadline. */
  final class Pending {
    private final String method;
    private final HttpUrl url;
    private final CompletableFuture<HttpOutcome> future;

    private Pending(String method, HttpUrl url, CompletableFuture<HttpOutcome> future) {
      this.method = method;
      this.url = url;
      this.future = future;
    }

    /**
     * Runs {@code then} with how the call ended as soon as it ends, on the thread that ends it (or
     * this one, if it has ended); not at all if it does not end.
     */
    void whenDone(Consumer<HttpOutcome> then) {
      future.thenAccept(then);
    }

    HttpOutcome await() {
      try {
        try {
          return future.get(Math.max(0, session.deadline().remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException atDeadline) {
          session.close();
          return future.get(GRACE_NANOS, TimeUnit.NANOSECONDS);
        }
      } catch (TimeoutException | InterruptedException stillRunning) {
        if (stillRunning instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return unfinished();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a call failed unexpectedly: " + method + " " + url.encodedPath(), e.getCause());
      }
    }

    private HttpOutcome unfinished() {
      String reason = "unfinished at the deadline of " + session.deadline().describe();
      Evidence evidence = new Evidence(method, ApiSession.hostOf(url), ApiSession.pathOf(url), OptionalInt.empty(), 0,
          session.deadline().limit().toMillis(), reason);
      return new HttpOutcome.GaveUp(HttpOutcome.Why.TIMEOUT, reason, evidence);
    }
  }
}
