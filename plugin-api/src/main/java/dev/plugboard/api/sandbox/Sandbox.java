package dev.plugboard.api.sandbox;

import org.pf4j.ExtensionPoint;

/**
 * A stand-in for a platform's API on {@code 127.0.0.1}, contributed by the connector's plugin.
 * It answers as the platform does: it knows which scope guards which path, rejects unknown
 * tokens, reports its rate limit, and plays the faults it is told to.
 *
 * <pre>{@code
 * @Extension
 * public final class ShopSandbox implements Sandbox {
 *   @Override public String connectorId() {
 *     return "shop";
 *   }
 *
 *   @Override public SandboxInstance start(SandboxOptions options) {
 *     return ShopServer.start(options); // an HTTP server on 127.0.0.1, ephemeral port
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations use JDK types only (such as {@code com.sun.net.httpserver}), so that the
 * plugin jar stays free of libraries.
 */
public interface Sandbox extends ExtensionPoint {

  /** The id of the connector whose platform this sandbox stands in for. */
  String connectorId();

  /**
   * Starts a sandbox on {@code 127.0.0.1} on a free port, with its own freshly made credentials.
   *
   * @throws IllegalArgumentException when the options name a scope the platform does not have,
   *     saying which and listing the known ones
   * @throws java.io.UncheckedIOException when no server can be started
   */
  SandboxInstance start(SandboxOptions options);
}
