package dev.plugboard.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A connector's sandbox running on this machine: a stand-in for the platform, with an account of
 * its own, to try verifying and connecting without a real one. Its address is allowed by the
 * {@link Plugboard} that started it until it is closed.
 *
 * <pre>{@code
 * try (SandboxSession sandbox = plugboard.startSandbox("shop", SandboxOptions.defaults())) {
 *   VerificationReport report = plugboard.verify("shop", sandbox.values());
 * }
 * }</pre>
 */
public final class SandboxSession implements AutoCloseable {

  private final String connectorId;
  private final String address;
  private final Map<String, String> values;
  private final Consumer<SandboxSession> stop;
  private boolean closed;

  SandboxSession(String connectorId, String address, Map<String, String> values, Consumer<SandboxSession> stop) {
    this.connectorId = Objects.requireNonNull(connectorId, "connectorId == null");
    this.address = Objects.requireNonNull(address, "address == null");
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.stop = Objects.requireNonNull(stop, "stop == null");
  }

  public String connectorId() {
    return connectorId;
  }

  /** Where it listens, {@code 127.0.0.1:PORT}. */
  public String address() {
    return address;
  }

  /** The sandbox account's values by field id, ready to verify or connect with. Holds its (made-up) secrets. */
  public Map<String, String> values() {
    return values;
  }

  /** Stops the sandbox; its address is no longer allowed. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      stop.accept(this);
    }
  }

  /** Names the connector and the address; never the values. */
  @Override
  public String toString() {
    return "SandboxSession[" + connectorId + " on " + address + "]";
  }
}
