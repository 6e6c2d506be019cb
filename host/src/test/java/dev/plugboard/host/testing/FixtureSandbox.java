package dev.plugboard.host.testing;

import dev.plugboard.api.sandbox.Sandbox;
import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import java.util.List;
import java.util.Map;

/**
 * A sandbox for test plugins of the connector {@code minimal}; it serves nothing. Its values say
 * which class loader was the context class loader when it started. Granting the scope
 * {@code remote} makes it claim a non-loopback address; granting {@code unknown} makes it refuse;
 * {@code hang} makes it never return, and {@code exit} makes it try to end the process.
 */
public final class FixtureSandbox implements Sandbox {

  @Override
  public String connectorId() {
    return "minimal";
  }

  @Override
  public SandboxInstance start(SandboxOptions options) {
    while (options.grantedScopes().contains("hang")) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException ignored) {
        // a hostile sandbox ignores the host's interrupt
      }
    }
    if (options.grantedScopes().contains("exit")) {
      System.exit(9);
    }
    if (options.grantedScopes().contains("unknown")) {
      throw new IllegalArgumentException("no scope unknown; the scopes are Orders, Customers");
    }
    String host = options.grantedScopes().contains("remote") ? "192.0.2.10" : "127.0.0.1";
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    boolean pluginLoader = context == FixtureSandbox.class.getClassLoader();
    return new Instance(host, Map.of("api_url", "http://" + host + ":4010/accounts/acme/",
        "token", "sandboxtoken123", "started_with_plugin_loader", Boolean.toString(pluginLoader)));
  }

  private record Instance(String host, Map<String, String> values) implements SandboxInstance {
    @Override
    public int port() {
      return 4010;
    }

    @Override
    public List<Exchange> exchanges() {
      return List.of();
    }

    @Override
    public void close() {}
  }
}
