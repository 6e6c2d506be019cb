package dev.plugboard.host.internal.sandbox;

import dev.plugboard.api.sandbox.Sandbox;
import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the sandbox a connector's plugin ships and starts it, for {@code --sandbox}: the
 * sandbox's address is then allowed for that run only, and its values offered as the form's
 * defaults.
 *
 * <pre>{@code
 * try (RunningSandbox sandbox = new SandboxLauncher(registry).start(connector, SandboxOptions.defaults())) {
 *   VerifyOptions options = VerifyOptions.builder().allowHost(sandbox.extraHost()).build();
 *   // collect values with sandbox.defaults() as defaults, then verify with options
 * }
 * }</pre>
 */
public final class SandboxLauncher {

  private final PluginRegistry registry;
  private final Set<RunningSandbox> running = ConcurrentHashMap.newKeySet();

  public SandboxLauncher(PluginRegistry registry) {
    this.registry = registry;
  }

  /** Whether the connector's plugin ships a sandbox. */
  public boolean available(LoadedConnector connector) {
    return find(connector).isPresent();
  }

  /**
   * Starts the connector's sandbox on a loopback address.
   *
   * @throws IllegalArgumentException when the options name something the platform does not have
   *     (a scope, say); the message says what and lists what there is
   * @throws PlugboardException when the plugin ships no sandbox or it cannot start
   */
  public RunningSandbox start(LoadedConnector connector, SandboxOptions options) {
    Sandbox sandbox = find(connector).orElseThrow(() -> new PlugboardException(
        "connector " + connector.id() + " (" + connector.pluginLabel() + ") ships no sandbox; --sandbox needs one"));
    SandboxInstance instance;
    try {
      // plugin code: on a thread of its own with the plugin's class loader, within the plugins' deadline
      instance = registry.call(connector, "start() of its sandbox", () -> sandbox.start(options));
    } catch (PlugboardException e) {
      throw e; // it names the plugin and what its code did (hung, tried to end the process)
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + connector.id() + " sandbox: " + e.getMessage(), e);
    } catch (RuntimeException | LinkageError e) {
      throw new PlugboardException("the sandbox of " + connector.pluginLabel() + " failed to start: " + e, e);
    }
    RunningSandbox started = new RunningSandbox(connector, instance, options, running::remove);
    if (!started.extraHost().loopback()) {
      started.close();
      throw new PlugboardException("the sandbox of " + connector.pluginLabel() + " listens on " + instance.host()
          + ", not on a loopback address; a sandbox must stay on this machine");
    }
    running.add(started);
    return started;
  }

  /**
   * {@link #start(LoadedConnector, SandboxOptions)} for the connector of that id.
   *
   * @throws dev.plugboard.host.UnknownConnectorException when no loaded plugin contributes it
   */
  public RunningSandbox start(String connectorId, SandboxOptions options) {
    return start(registry.connector(connectorId), options);
  }

  /**
   * The sandbox of {@code connectorId} this launcher started that listens on {@code address} and
   * still runs: what a verification that called {@code address} was made against.
   */
  public Optional<RunningSandbox> running(String connectorId, ExtraHost address) {
    return running.stream()
        .filter(sandbox -> sandbox.connectorId().equals(connectorId) && sandbox.extraHost().equals(address))
        .findFirst();
  }

  private Optional<Sandbox> find(LoadedConnector connector) {
    List<Sandbox> sandboxes = registry.extensions(connector, Sandbox.class);
    try {
      return registry.call(connector, "connectorId() of its sandbox extensions",
          () -> sandboxes.stream().filter(sandbox -> connector.id().equals(sandbox.connectorId())).findFirst());
    } catch (PlugboardException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new PlugboardException("a sandbox extension of " + connector.pluginLabel() + " failed to say which"
          + " connector it serves: " + e.getClass().getSimpleName(), e);
    }
  }
}
