package dev.plugboard.host.internal.plugins;

/**
 * Makes a plugin's class loader the thread's context class loader while plugin code runs, and
 * puts the previous one back when closed:
 *
 * <pre>{@code
 * try (LoaderSwap swap = LoaderSwap.to(plugin.classLoader())) {
 *   connector.descriptor();
 * }
 * }</pre>
 */
public final class LoaderSwap implements AutoCloseable {

  private final Thread thread;
  private final ClassLoader previous;

  private LoaderSwap(Thread thread, ClassLoader previous) {
    this.thread = thread;
    this.previous = previous;
  }

  public static LoaderSwap to(ClassLoader loader) {
    Thread thread = Thread.currentThread();
    LoaderSwap swap = new LoaderSwap(thread, thread.getContextClassLoader());
    thread.setContextClassLoader(loader);
    return swap;
  }

  @Override
  public void close() {
    thread.setContextClassLoader(previous);
  }
}
