package dev.plugboard.host.testing;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector's sandbox started in the test's JVM through the public embedded API, so that a
 * test owns its values (and can change one, such as the token) and points the CLI at it with
 * {@code --allow-host}. Close it to stop it.
 */
public final class EmbeddedSandbox implements AutoCloseable {

  private final Plugboard plugboard;
  private final SandboxSession session;

  private EmbeddedSandbox(Plugboard plugboard, SandboxSession session) {
    this.plugboard = plugboard;
    this.session = session;
  }

  /**
   * @param connectorId the connector whose sandbox to start
   * @param plugins a folder holding its plugin jar
   * @param home the embedded host's own home folder, apart from the CLI's
   */
  public static EmbeddedSandbox start(String connectorId, Path plugins, Path home, SandboxOptions options) {
    Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(home).build();
    try {
      return new EmbeddedSandbox(plugboard, plugboard.startSandbox(connectorId, options));
    } catch (RuntimeException e) {
      plugboard.close();
      throw e;
    }
  }

  /** The sandbox account's values by field id; secrets included. */
  public Map<String, String> values() {
    return session.values();
  }

  /** The sandbox account's values with {@code field} given {@code value} instead. */
  public Map<String, String> valuesWith(String field, String value) {
    return valuesWith(Map.of(field, value));
  }

  /** The sandbox account's values with some given others instead. */
  public Map<String, String> valuesWith(Map<String, String> changed) {
    Map<String, String> values = new LinkedHashMap<>(session.values());
    values.putAll(changed);
    return values;
  }

  /** {@code 127.0.0.1:PORT}, for {@code --allow-host}. */
  public String address() {
    return session.address();
  }

  @Override
  public void close() {
    try {
      session.close();
    } finally {
      plugboard.close();
    }
  }
}
