package dev.plugboard.host.internal.plugins;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs plugin code with a deadline. Each call runs on a daemon thread of a small bounded pool,
 * with the plugin's class loader as context class loader; a call that misses its deadline is
 * interrupted and abandoned (a daemon thread never keeps the JVM alive), and the plugin is failed
 * with that reason. At most {@link #MAX_THREADS} calls may be stuck at once: later calls are
 * refused instead of piling up threads.
 *
 * <pre>{@code
 * Connector connector = calls.call(plugin, "the constructor of " + type.getName(), loader, () -> create(type));
 * }</pre>
 */
final class PluginCalls {

  /** Loading a plugin takes milliseconds; this is far above that and short enough to wait for. */
  static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

  /** Overrides {@link #DEFAULT_DEADLINE} ({@code 500ms}, {@code 10s}): for slow machines, and for tests. */
  static final String DEADLINE_PROPERTY = "plugboard.pluginDeadline";

  static final int MAX_THREADS = 16;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, MAX_THREADS, 5, TimeUnit.SECONDS,
      new SynchronousQueue<>(), task -> {
        Thread thread = new Thread(task, "plugboard-plugin-call-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });

  /** What each thread is doing in plugin code right now, for {@link ExitWitness}. */
  private static final Map<Thread, String> RUNNING = new ConcurrentHashMap<>();

  private final Duration deadline;

  PluginCalls(Duration deadline) {
    this.deadline = deadline;
  }

  /** The deadline {@link #DEADLINE_PROPERTY} sets, else {@link #DEFAULT_DEADLINE}. */
  static PluginCalls configured() {
    String value = System.getProperty(DEADLINE_PROPERTY);
    if (value == null || value.isBlank()) {
      return new PluginCalls(DEFAULT_DEADLINE);
    }
    String text = value.strip().toLowerCase(Locale.ROOT);
    try {
      long amount = Long.parseLong(text.replaceAll("(ms|s)$", ""));
      return new PluginCalls(text.endsWith("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(DEADLINE_PROPERTY + " must read like 500ms or 10s");
    }
  }

  Duration deadline() {
    return deadline;
  }

  /**
   * Runs {@code code} for {@code plugin} ({@code id@version (file.jar)}); {@code what} names the
   * call in messages ({@code "the constructor of com.example.Connector"}). What the code throws is
   * rethrown as it is (checked exceptions wrapped in a {@link PluginLoadException}); a call that
   * tries to end the host, or misses the deadline, becomes a {@link PluginLoadException} saying so.
   */
  <T> T call(String plugin, String what, ClassLoader loader, Callable<T> code) {
    Future<T> future;
    try {
      future = POOL.submit(() -> run(plugin, what, loader, code));
    } catch (RejectedExecutionException e) {
      throw new PluginLoadException(what + " was not run: " + MAX_THREADS
          + " earlier calls into plugins have not returned; remove the plugins that were failed for it");
    }
    try {
      T result = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      refuseExitAttempt(what, loader);
      return result;
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new PluginLoadException(what + " did not return within " + words(deadline)
          + " and was abandoned; the plugin may hang or spin (ask its author, or remove the jar)");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new PluginLoadException(what + " was interrupted");
    } catch (ExecutionException e) {
      refuseExitAttempt(what, loader);
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new PluginLoadException(what + " failed: " + HostPluginManager.reason(cause), cause);
    }
  }

  /** Descriptions of the plugin code running right now (stuck calls included). */
  static List<String> running() {
    return List.copyOf(RUNNING.values());
  }

  private static <T> T run(String plugin, String what, ClassLoader loader, Callable<T> code) throws Exception {
    Thread thread = Thread.currentThread();
    RUNNING.put(thread, what + " of plugin " + plugin);
    try (LoaderSwap swap = LoaderSwap.to(loader)) {
      return code.call();
    } finally {
      RUNNING.remove(thread);
    }
  }

  private static void refuseExitAttempt(String what, ClassLoader loader) {
    if (loader instanceof HostFirstClassLoader plugin) {
      plugin.exitAttempt().ifPresent(attempt -> {
        throw new PluginLoadException(what + " called " + attempt + " to end the process; Plugboard refused it"
            + " (a plugin may not end the host)");
      });
    }
  }

  private static String words(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }
}
