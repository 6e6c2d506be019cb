package dev.plugboard.woocommerce;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.woocommerce.sandbox.SandboxKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WooCommerce sandbox started in the test's JVM through the public embedded API, so that a test
 * owns its values (and can give another key, or another of its sites) and points the CLI at it
 * with {@code --allow-host}. Close it to stop it.
 */
final class EmbeddedSandbox implements AutoCloseable {

  private final Plugboard plugboard;
  private final SandboxSession session;

  private EmbeddedSandbox(Plugboard plugboard, SandboxSession session) {
    this.plugboard = plugboard;
    this.session = session;
  }

  /**
   * @param plugins a folder holding the WooCommerce plugin jar
   * @param home the embedded host's own home folder, apart from the CLI's
   */
  static EmbeddedSandbox start(Path plugins, Path home, SandboxOptions options) {
    Plugboard plugboard = Plugboard.builder().pluginsDir(plugins).home(home).build();
    try {
      return new EmbeddedSandbox(plugboard, plugboard.startSandbox("woocommerce", options));
    } catch (RuntimeException e) {
      plugboard.close();
      throw e;
    }
  }

  /** The sandbox store's values by field id: its address and its Read key; secrets included. */
  Map<String, String> values() {
    return session.values();
  }

  /** The sandbox store's values with {@code field} given {@code value} instead. */
  Map<String, String> valuesWith(String field, String value) {
    Map<String, String> values = new LinkedHashMap<>(session.values());
    values.put(field, value);
    return values;
  }

  /** The sandbox store's address with another key. */
  Map<String, String> valuesWith(SandboxKeys.KeyPair key) {
    Map<String, String> values = new LinkedHashMap<>(session.values());
    values.put("consumer_key", key.consumerKey());
    values.put("consumer_secret", key.consumerSecret());
    return values;
  }

  /** The Read key with its address changed to another of the sandbox's sites, such as {@code /blog}. */
  Map<String, String> valuesAtSite(String folder) {
    return valuesWith("store_url", session.values().get("store_url") + folder);
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
