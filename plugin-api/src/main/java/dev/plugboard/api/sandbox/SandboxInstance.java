package dev.plugboard.api.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A running sandbox. Close it to stop it and free its port.
 *
 * <pre>{@code
 * try (SandboxInstance sandbox = sandboxExtension.start(SandboxOptions.defaults())) {
 *   String allowHost = sandbox.address();        // 127.0.0.1:PORT, for the allow-list
 *   Map<String, String> form = sandbox.values();  // the API account's values, by field id
 * }
 * }</pre>
 *
 * <p>{@link #values()} holds secrets (made up, but treated as real ones): never print them.
 */
public interface SandboxInstance extends AutoCloseable {

  /** The loopback address the sandbox listens on, such as {@code 127.0.0.1}. */
  String host();

  /** The port the sandbox listens on. */
  int port();

  /** {@code host:port}, as the allow-list takes it. */
  default String address() {
    return host() + ":" + port();
  }

  /**
   * The values of the sandbox's API account, by the connector's field ids, ready to be offered
   * as the form's defaults: the address to call (pointing at this sandbox) and the credentials.
   */
  Map<String, String> values();

  /** What the sandbox answered so far, oldest first; never a header value or a body. */
  List<Exchange> exchanges();

  /** Stops the server; requests still waiting are dropped. */
  @Override
  void close();

  /**
   * One request the sandbox answered.
   *
   * @param method the request method
   * @param path the request path and query
   * @param status the status answered, or {@code 0} when the connection was dropped instead
   */
  record Exchange(String method, String path, int status) {

    public Exchange {
      Objects.requireNonNull(method, "method == null");
      Objects.requireNonNull(path, "path == null");
    }
  }
}
