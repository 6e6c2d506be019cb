package dev.plugboard.bigcommerce;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A BigCommerce sandbox started in the test's JVM through the public embedded API, so that a test
 * owns its values (and can change one, such as the token) and points the CLI at it with
 * {@code --allow-host}. Close it to stop it.
 */
final class EmbeddedSandbox implements AutoCloseable {

  /** Well-formed (31 lowercase letters and digits), but no sandbox's token. */
  static final String REJECTED_TOKEN = "canaryrejectedtoken0123456789zz";

  private final Plugboard plugboard;
  private final SandboxSession session;

  private EmbeddedSandbox(Plugboard plugboard, SandboxSession session) {
    this.plugboard = plugboard;
    this.session = session;
  }

  /**
   * @param plugins a folder holding the BigCommerce plugin jar
   * @param home the embedded host's own home folder, apart from the CLI's
   */
  static EmbeddedSandbox start(Path plugins, Path home, SandboxOptions options) {
    Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(home).build();
    try {
      return new EmbeddedSandbox(plugboard, plugboard.startSandbox("bigcommerce", options));
    } catch (RuntimeException e) {
      plugboard.close();
      throw e;
    }
  }

  /** The sandbox account's values by field id; secrets included. */
  Map<String, String> values() {
    return session.values();
  }

  /** The sandbox account's values with {@code field} given {@code value} instead. */
  Map<String, String> valuesWith(String field, String value) {
    Map<String, String> values = new LinkedHashMap<>(session.values());
    values.put(field, value);
    return values;
  }

  /** {@code 127.0.0.1:PORT}, for {@code --allow-host}. */
  String address() {
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
