package dev.plugboard.web;

import com.sun.net.httpserver.HttpServer;
import dev.plugboard.host.Plugboard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The connect pages on a server of their own, the JDK's, at the root: what {@code plugboard serve}
 * runs. It listens on loopback unless told otherwise, and says so when it is not.
 *
 * <pre>{@code
 * try (ConnectServer server = ConnectServer.builder(plugboard).port(8080).start()) {
 *   System.out.println("Open " + server.uri());
 * }
 * }</pre>
 */
public final class ConnectServer implements AutoCloseable {

  /** Threads serving requests; each verification holds one while its events stream. */
  static final int THREADS = 16;

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI uri;

  private ConnectServer(HttpServer server, ExecutorService executor, URI uri) {
    this.server = server;
    this.executor = executor;
    this.uri = uri;
  }

  public static Builder builder(Plugboard plugboard) {
    return new Builder(plugboard);
  }

  /** Where the pages are: {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return uri;
  }

  /** Stops listening, lets requests in flight finish for up to two seconds, then stops. */
  @Override
  public void close() {
    server.stop(2);
    executor.shutdownNow();
  }

  /** Settings for a {@link ConnectServer}. */
  public static final class Builder {
    private final Plugboard plugboard;
    private String bind = "127.0.0.1";
    private int port = 8080;
    private Consumer<String> warnings = System.err::println;
    private Invites invites;
    private Consumer<Connected> onConnected = connected -> {};

    private Builder(Plugboard plugboard) {
      this.plugboard = Objects.requireNonNull(plugboard, "plugboard == null");
    }

    /** The address to listen on; {@code 127.0.0.1} unless set. Any other is warned about: put TLS in front. */
    public Builder bind(String bind) {
      this.bind = Objects.requireNonNull(bind, "bind == null");
      return this;
    }

    /** The port; 8080 unless set, 0 for any free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** Where the warning about a non-loopback address goes; standard error unless set. */
    public Builder warnings(Consumer<String> warnings) {
      this.warnings = Objects.requireNonNull(warnings, "warnings == null");
      return this;
    }

    /** Serves these invites' links (see {@link ConnectPages.Builder#invites}). */
    public Builder invites(Invites invites) {
      this.invites = Objects.requireNonNull(invites, "invites == null");
      return this;
    }

    /** Told of each connection the pages store (see {@link ConnectPages.Builder#onConnected}). */
    public Builder onConnected(Consumer<Connected> onConnected) {
      this.onConnected = Objects.requireNonNull(onConnected, "onConnected == null");
      return this;
    }

    /**
     * Starts listening.
     *
     * @throws UncheckedIOException when the address cannot be bound (in use, not this machine's)
     */
    public ConnectServer start() {
      SlowClients.bound();
      InetAddress address;
      try {
        address = InetAddress.getByName(bind);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + bind + ": it is not an address of this machine", e);
      }
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(address, port), 64);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
            + (port != 0 ? " (another program may be using the port; try --port with another)" : ""), e);
      }
      if (!address.isLoopbackAddress()) {
        warnings.accept("plugboard: warning: the connect page listens on " + bind + ", reachable from other machines;"
            + " credentials typed into it travel in the clear unless it sits behind TLS (a reverse proxy with https).");
      }
      ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(256), runnable -> {
            Thread thread = new Thread(runnable, "plugboard-web");
            thread.setDaemon(true);
            return thread;
          }, new ThreadPoolExecutor.AbortPolicy());
      executor.allowCoreThreadTimeOut(true);
      server.setExecutor(executor);
      ConnectPages.Builder pages = ConnectPages.builder(plugboard).onConnected(onConnected);
      if (invites != null) {
        pages.invites(invites);
      }
      server.createContext("/", pages.build());
      server.start();
      String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
      return new ConnectServer(server, executor, URI.create("http://" + host + ":" + server.getAddress().getPort() + "/"));
    }
  }
}
