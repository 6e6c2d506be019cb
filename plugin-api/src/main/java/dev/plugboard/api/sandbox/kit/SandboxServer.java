package dev.plugboard.api.sandbox.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxInstance.Exchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A platform's API on 127.0.0.1, on a free port: every request waits the sandbox's latency and
 * the delays planned for its scope, then loses its connection or gets a server error when the
 * plan says so, and otherwise gets the platform's answer. Every exchange is logged (method,
 * path as the platform lets it be logged, status), before its answer is sent, so that a client
 * holding an answer finds it logged.
 *
 * <p>One thread per waiting request, so that latency and delays overlap as on a real API.
 */
public final class SandboxServer implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";
  private static final AtomicInteger THREADS = new AtomicInteger();

  static {
    // The JDK's server writes an answer's headers and body separately; with Nagle's algorithm on,
    // the body then waits for the client's delayed ACK, some 40 ms per call that no real API costs.
    // Read once, when the first JDK HttpServer starts; a value set by the application is kept.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** What a sandbox's platform decides: which scope a request is on, and the answers. */
  public interface Platform {

    /** The key of the scope whose paths {@code request} is on (as {@link FaultPlan} keys them), if any. */
    Optional<String> scopeOf(SandboxRequest request);

    /** The platform's answer to a request no fault took. */
    SandboxReply answer(SandboxRequest request);

    /** How the platform's servers answer a server error, such as 502 or 503. */
    SandboxReply serverError(int status);

    /** The path and query as the exchange log keeps them: without any credential sent in the query. */
    default String logged(SandboxRequest request) {
      return request.pathAndQuery();
    }
  }

  private final String name;
  private final Duration latency;
  private final FaultPlan faults;
  private final Platform platform;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final ExecutorService workers;
  private final HttpServer server;

  private SandboxServer(String name, Duration latency, FaultPlan faults, Platform platform) throws IOException {
    this.name = name;
    this.latency = latency;
    this.faults = faults;
    this.platform = platform;
    this.workers = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, name.toLowerCase(Locale.ROOT) + "-sandbox-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0), 64);
    server.setExecutor(workers);
    server.createContext("/", this::handle);
  }

  /**
   * Starts a sandbox.
   *
   * @param name the platform's name, for thread names and messages, such as {@code BigCommerce}
   * @param latency the time every request waits before it is answered
   * @throws UncheckedIOException when no loopback port can be opened
   */
  public static SandboxServer start(String name, Duration latency, FaultPlan faults, Platform platform) {
    Objects.requireNonNull(latency, "latency == null");
    Objects.requireNonNull(faults, "faults == null");
    Objects.requireNonNull(platform, "platform == null");
    try {
      SandboxServer sandbox = new SandboxServer(name, latency, faults, platform);
      sandbox.server.start();
      return sandbox;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + name + " sandbox on " + LOOPBACK + ": " + e.getMessage(), e);
    }
  }

  /** The loopback address it listens on: {@code 127.0.0.1}. */
  public String host() {
    return LOOPBACK;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code host:port}. */
  public String address() {
    return host() + ":" + port();
  }

  /** What it answered so far, oldest first. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /**
   * This server as the running sandbox a {@code Sandbox} extension returns.
   *
   * @param values the API account's values, given the sandbox's origin (such as
   *     {@code http://127.0.0.1:41234}), asked for each time they are wanted
   */
  public SandboxInstance asInstance(Function<String, Map<String, String>> values) {
    Objects.requireNonNull(values, "values == null");
    SandboxServer server = this;
    return new SandboxInstance() {
      @Override
      public String host() {
        return server.host();
      }

      @Override
      public int port() {
        return server.port();
      }

      @Override
      public Map<String, String> values() {
        return values.apply("http://" + server.address());
      }

      @Override
      public List<Exchange> exchanges() {
        return server.exchanges();
      }

      @Override
      public void close() {
        server.close();
      }

      @Override
      public String toString() {
        return server.toString();
      }
    };
  }

  /** Stops the server; requests still waiting are dropped. */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  @Override
  public String toString() {
    return name + " sandbox on " + address();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      SandboxRequest request = new SandboxRequest("http://" + address(), exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          Optional.ofNullable(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders());
      String logged = platform.logged(request);
      Optional<String> scope = platform.scopeOf(request);
      if (!pause(latency.plus(faults.delay(scope)))) {
        return;
      }
      if (faults.resetsConnection(request.rawPath(), scope)) {
        exchanges.add(new Exchange(request.method(), logged, 0));
        return; // closing without an answer drops the connection
      }
      OptionalInt serverError = faults.serverError(request.rawPath(), scope);
      SandboxReply reply = serverError.isPresent()
          ? platform.serverError(serverError.getAsInt())
          : platform.answer(request);
      exchanges.add(new Exchange(request.method(), logged, reply.status()));
      send(exchange, reply);
    }
  }

  private static void send(HttpExchange exchange, SandboxReply reply) throws IOException {
    reply.headers().forEach((header, value) -> exchange.getResponseHeaders().set(header, value));
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    boolean withBody = reply.hasBody() && !exchange.getRequestMethod().equals("HEAD");
    if (reply.hasBody()) {
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    }
    exchange.sendResponseHeaders(reply.status(), withBody ? body.length : -1);
    if (withBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Waits {@code delay}; false when the sandbox is closing meanwhile. */
  private static boolean pause(Duration delay) {
    if (delay.isZero()) {
      return true;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
