package dev.plugboard.host.internal.sandbox;

import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.LoaderSwap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A connector's sandbox, started by {@link SandboxLauncher}: what {@code --sandbox} needs from it.
 * Close it to stop it. {@link #toString()} never shows its values, which include made-up secrets.
 */
public final class RunningSandbox implements AutoCloseable {

  private final LoadedConnector connector;
  private final SandboxInstance instance;
  private final SandboxOptions options;
  private final ExtraHost extraHost;
  private final Consumer<RunningSandbox> stopped;

  RunningSandbox(LoadedConnector connector, SandboxInstance instance, SandboxOptions options,
      Consumer<RunningSandbox> stopped) {
    this.connector = connector;
    this.instance = instance;
    this.options = options;
    this.extraHost = new ExtraHost(instance.host(), instance.port());
    this.stopped = stopped;
  }

  /** The id of the connector whose platform it stands in for. */
  public String connectorId() {
    return connector.id();
  }

  /** What it was started with. */
  public SandboxOptions options() {
    return options;
  }

  /** The sandbox's address, to allow for this run only. */
  public ExtraHost extraHost() {
    return extraHost;
  }

  /** The sandbox's API account's values by field id, to offer as the form's defaults. Holds secrets. */
  public Map<String, String> defaults() {
    try (LoaderSwap swap = LoaderSwap.to(connector.classLoader())) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(instance.values()));
    }
  }

  /** What the sandbox answered so far: method, path, status. */
  public List<SandboxInstance.Exchange> exchanges() {
    return instance.exchanges();
  }

  @Override
  public void close() {
    stopped.accept(this);
    try (LoaderSwap swap = LoaderSwap.to(connector.classLoader())) {
      instance.close();
    }
  }

  @Override
  public String toString() {
    return "sandbox of " + connector.pluginLabel() + " on " + extraHost;
  }
}
