package dev.plugboard.bigcommerce.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BigCommerce API of one made-up store on 127.0.0.1: the store's paths below
 * {@code /stores/{hash}/v2|v3/}, answered in the order BigCommerce checks things (rate limit,
 * store, token, path, scope), with the faults it was told to play first.
 */
final class SandboxServer implements SandboxInstance {

  private static final String LOOPBACK = "127.0.0.1";
  private static final Pattern STORE_PATH = Pattern.compile("/stores/([^/]+)/(v[23]/.*)");
  private static final AtomicInteger THREADS = new AtomicInteger();

  static {
    // The JDK's server writes an answer's headers and body separately; with Nagle's algorithm on,
    // the body then waits for the client's delayed ACK, some 40 ms per call that no real API costs.
    // Read once, when the first JDK HttpServer starts; a value set by the application is kept.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SandboxOptions options;
  private final Set<StoreScope> granted;
  private final FaultPlan faults;
  private final StoreAccount store;
  private final RateWindow rateWindow;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final ExecutorService workers;
  private final HttpServer server;

  private SandboxServer(SandboxOptions options) throws IOException {
    this.options = options;
    this.granted = StoreScope.parse(options.grantedScopes());
    this.faults = new FaultPlan(options.faults());
    this.store = StoreAccount.random(new SecureRandom());
    this.rateWindow = new RateWindow(options.quota(), System.nanoTime());
    // One thread per waiting request, so that latency and delays overlap as on the real API.
    this.workers = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "bigcommerce-sandbox-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0), 64);
    server.setExecutor(workers);
    server.createContext("/", this::handle);
  }

  static SandboxServer start(SandboxOptions options) {
    try {
      SandboxServer sandbox = new SandboxServer(options);
      sandbox.server.start();
      return sandbox;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the BigCommerce sandbox on " + LOOPBACK + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String host() {
    return LOOPBACK;
  }

  @Override
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public Map<String, String> values() {
    String offeredHash = faults.unknownAccount() ? "unknown" + store.storeHash().substring(0, 4) : store.storeHash();
    return store.values("http://" + address(), offeredHash);
  }

  @Override
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  @Override
  public String toString() {
    return "BigCommerce sandbox on " + address();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String logged = rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    try (exchange) {
      Matcher storePath = STORE_PATH.matcher(rawPath);
      String path = storePath.matches() ? storePath.group(2) : rawPath;
      Optional<Routes.Match> match = storePath.matches() ? Routes.find(path) : Optional.empty();
      Optional<StoreScope> scope = match.flatMap(m -> m.route().scope());
      if (!pause(options.latency().plus(faults.delay(scope)))) {
        return;
      }
      if (faults.resetsConnection(path, scope)) {
        exchanges.add(new Exchange(method, logged, 0));
        return; // closing without an answer drops the connection
      }
      Map<String, String> headers = new LinkedHashMap<>();
      Reply reply = answer(exchange, storePath, path, match, scope, query(rawQuery), headers);
      exchanges.add(new Exchange(method, logged, reply.status())); // before the answer: callers read it once answered
      send(exchange, reply, headers);
    }
  }

  private Reply answer(HttpExchange exchange, Matcher storePath, String path, Optional<Routes.Match> match,
      Optional<StoreScope> scope, Map<String, String> query, Map<String, String> headers) {
    OptionalInt serverError = faults.serverError(path, scope);
    if (serverError.isPresent()) {
      return Reply.v3Error(serverError.getAsInt(), serverError.getAsInt() == 503 ? "Service Unavailable" : "Bad Gateway");
    }
    RateWindow.Admission admission = rateWindow.admit(System.nanoTime());
    headers.putAll(admission.headers());
    if (!admission.allowed()) {
      return Reply.v3Error(429, "Too many requests");
    }
    if (!storePath.matches()) {
      return Reply.v3Error(404, "Not found: the API is below /stores/{store_hash}/v2/ and /v3/");
    }
    if (!storePath.group(1).equals(store.storeHash())) {
      return Reply.missingScope(); // an unknown store hash looks like a missing scope (notes §4)
    }
    String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
    if (faults.rejectsTokens() || token == null || !token.equals(store.accessToken())) {
      return Reply.v3Error(401, "Unauthorized");
    }
    if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
      return Reply.v3Error(405, "The sandbox is read-only: GET and HEAD only");
    }
    if (path.endsWith("/")) {
      return Reply.v3Error(403, "Authentication Required"); // bigcommerce/api#95: a trailing slash is refused
    }
    if (match.isEmpty()) {
      return path.startsWith("v2/") ? Reply.v2Error(404, "The requested resource was not found.")
          : Reply.v3Error(404, "The requested resource was not found.");
    }
    if (scope.isPresent() && !granted.contains(scope.get())) {
      return Reply.missingScope();
    }
    return match.get().route().answer().answer(match.get().path(), query, store);
  }

  private static void send(HttpExchange exchange, Reply reply, Map<String, String> headers) throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
    boolean withBody = reply.hasBody() && !exchange.getRequestMethod().equals("HEAD");
    if (reply.hasBody()) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
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

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        query.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return query;
  }
}
