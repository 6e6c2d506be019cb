package dev.plugboard.host.internal.inject;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import dev.plugboard.host.ConnectionStore;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.internal.http.SharedHttpClient;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.sandbox.SandboxLauncher;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.internal.store.StoreChoice;
import dev.plugboard.host.internal.verify.Verifications;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.LogManager;

/** The host's wired parts, for the public API to use without seeing Guice. */
public final class Components {

  private final Injector injector;
  private final StoreModule storeModule;

  private Components(Injector injector, StoreModule storeModule) {
    this.injector = injector;
    this.storeModule = storeModule;
  }

  private static final AtomicBoolean PREPARING = new AtomicBoolean();

  /**
   * Starts {@code java.util.logging} on a daemon thread of its own, once per process. Guice's
   * first injector logs through it, and its start asks every jar of the class path for a logger
   * finder, which opens each of them: about 40 ms of one core, which a second core can spend while
   * the first reads a command line. Nothing else runs there; a failure is left for Guice to meet.
   */
  public static void prepareInBackground() {
    if (!PREPARING.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(Components::startJavaLogging, "plugboard-java-logging");
    thread.setDaemon(true);
    thread.start();
  }

  private static void startJavaLogging() {
    try {
      LogManager.getLogManager();
    } catch (RuntimeException | LinkageError e) {
      // Guice meets it again on its own thread, where it is reported
    }
  }

  public static Components create(HostSettings settings) {
    return create(settings, new StoreChoice.KeysetFile());
  }

  /** A host keeping its connections where {@code store} says. */
  public static Components create(HostSettings settings, StoreChoice store) {
    // Reading descriptors (the YAML parser and the records' shapes) is prepared on another core
    // while Guice wires the host.
    PluginRegistry.prepareLoading(settings.pluginsDir());
    // Development stage: singletons are built when first used, which keeps the CLI's start-up short.
    StoreModule storeModule = new StoreModule(store, settings);
    return new Components(Guice.createInjector(Stage.DEVELOPMENT, new HostModule(settings), storeModule), storeModule);
  }

  public PluginRegistry plugins() {
    return injector.getInstance(PluginRegistry.class);
  }

  /** Where connections are kept: the application's store, or the file store under home. */
  public ConnectionStore connections() {
    try {
      return injector.getInstance(ConnectionStore.class);
    } catch (ProvisionException e) {
      // A store named by URL that cannot be opened says why in words: that, not Guice's wrapping, is what goes on.
      if (e.getCause() instanceof PlugboardException cause) {
        throw cause;
      }
      throw e;
    }
  }

  public Verifications verifications() {
    return injector.getInstance(Verifications.class);
  }

  public SandboxLauncher sandboxes() {
    return injector.getInstance(SandboxLauncher.class);
  }

  /** Stops the plugins, releases the HTTP client if one was made, and closes a store opened by URL. */
  public void close() {
    try {
      injector.getInstance(SharedHttpClient.class).close();
    } finally {
      try {
        plugins().close();
      } finally {
        try {
          storeModule.close();
        } catch (Exception e) {
          throw new PlugboardException("the connection store could not be closed: " + e.getMessage(), e);
        }
      }
    }
  }

  /** What the host was built with: its folders and the hosts added to every allow-list. */
  public HostSettings settings() {
    return injector.getInstance(HostSettings.class);
  }
}
