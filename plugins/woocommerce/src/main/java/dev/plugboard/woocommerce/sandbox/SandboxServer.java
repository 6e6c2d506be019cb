package dev.plugboard.woocommerce.sandbox;

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
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WordPress sites of the sandbox on 127.0.0.1, answering in the order WordPress and
 * WooCommerce check things (class-wc-rest-authentication.php, notes §3, §4): the web host (its
 * faults, its rate limit, whether it passes the Authorization header on), the key (unknown keys
 * fall through as no user; a known key with a wrong secret is refused), the key's permission for
 * the HTTP method (before routing), the route, then the capability of the key's user.
 *
 * <p>One liberty: WooCommerce takes HTTP Basic only over https, and the sandbox is plain http on
 * loopback, so it takes Basic as a store behind https would.
 */
final class SandboxServer implements SandboxInstance {

  private static final String LOOPBACK = "127.0.0.1";
  private static final String API = "/wp-json";
  private static final String WC = "/wc/v3";
  private static final Set<String> READS = Set.of("GET", "HEAD");
  private static final AtomicInteger THREADS = new AtomicInteger();

  static {
    // The JDK's server writes an answer's headers and body separately; with Nagle's algorithm on,
    // the body then waits for the client's delayed ACK, some 40 ms per call that no real API costs.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Set<Resource> granted;
  private final FaultPlan faults;
  private final Duration latency;
  private final RateWindow rateWindow;
  private final ApiKey readKey;
  private final Map<String, ApiKey> keys = new LinkedHashMap<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final ExecutorService workers;
  private final HttpServer server;

  private SandboxServer(SandboxOptions options) throws IOException {
    this.granted = Resource.parse(options.grantedScopes());
    this.faults = new FaultPlan(options.faults());
    this.latency = options.latency();
    this.rateWindow = new RateWindow(options.quota(), System.nanoTime());
    SecureRandom random = new SecureRandom();
    this.readKey = new ApiKey(new SandboxKeys.KeyPair("ck_" + hex(random), "cs_" + hex(random)),
        ApiKey.Permission.READ, true);
    for (ApiKey key : List.of(readKey,
        new ApiKey(SandboxKeys.READ_WRITE, ApiKey.Permission.READ_WRITE, true),
        new ApiKey(SandboxKeys.WRITE_ONLY, ApiKey.Permission.WRITE, true),
        new ApiKey(SandboxKeys.CUSTOMER_USER, ApiKey.Permission.READ, false))) {
      keys.put(key.pair().consumerKey(), key);
    }
    // One thread per waiting request, so that latency and delays overlap as on a real server.
    this.workers = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "woocommerce-sandbox-" + THREADS.incrementAndGet());
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
      throw new UncheckedIOException("cannot start the WooCommerce sandbox on " + LOOPBACK + ": " + e.getMessage(), e);
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

  /** The store's address (the WordPress site without WooCommerce under UnknownAccount) and its Read key. */
  @Override
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("store_url", siteUrl(faults.unknownAccount() ? Site.BLOG : Site.STORE));
    values.put("consumer_key", readKey.pair().consumerKey());
    values.put("consumer_secret", readKey.pair().consumerSecret());
    return values;
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
    return "WooCommerce sandbox on " + address();
  }

  private String siteUrl(Site site) {
    return "http://" + address() + site.folder;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, String> query = query(rawQuery);
    String logged = rawPath + (rawQuery == null ? "" : "?" + redacted(rawQuery));
    try (exchange) {
      Optional<Site.Located> located = Site.locate(rawPath);
      Optional<String> wcPath = located.flatMap(SandboxServer::wcPath);
      Optional<Resource> resource = wcPath.flatMap(Routes::find).flatMap(Routes.Route::resource);
      if (!pause(latency.plus(faults.delay(resource)))) {
        return;
      }
      if (faults.resetsConnection(rawPath, resource)) {
        exchanges.add(new Exchange(method, logged, 0));
        return; // closing without an answer drops the connection
      }
      Reply reply = answer(exchange, located, wcPath, resource, query);
      exchanges.add(new Exchange(method, logged, reply.status())); // before the answer: callers read it once answered
      send(exchange, reply);
    }
  }

  private Reply answer(HttpExchange exchange, Optional<Site.Located> located, Optional<String> wcPath,
      Optional<Resource> resource, Map<String, String> query) {
    OptionalInt serverError = faults.serverError(exchange.getRequestURI().getRawPath(), resource);
    if (serverError.isPresent()) {
      int status = serverError.getAsInt();
      return Reply.html(status, status == 503 ? "503 Service Unavailable" : status + " Bad Gateway");
    }
    long retryAfter = rateWindow.admit(System.nanoTime());
    if (retryAfter > 0) {
      return Reply.html(429, "429 Too Many Requests").withHeader("Retry-After", Long.toString(retryAfter));
    }
    if (located.isEmpty() || !(located.get().path().equals(API) || located.get().path().startsWith(API + "/"))) {
      return Reply.html(404, "404 Not Found");
    }
    Site site = located.get().site();
    String below = located.get().path().substring(API.length());
    if (below.isEmpty() || below.equals("/")) {
      return wordPressIndex(exchange, site, query);
    }
    if (!site.woocommerce || wcPath.isEmpty()) {
      return Reply.noRoute();
    }
    Authentication authentication = authenticate(exchange, site, query);
    if (authentication.error().isPresent()) {
      return authentication.error().get();
    }
    Optional<ApiKey> user = authentication.key();
    String method = exchange.getRequestMethod();
    if (user.isPresent() && READS.contains(method) && !user.get().permission().reads()) {
      return Reply.error(401, "woocommerce_rest_authentication_error",
          "The API key provided does not have read permissions.");
    }
    if (user.isPresent() && !READS.contains(method) && !user.get().permission().writes()) {
      return Reply.error(401, "woocommerce_rest_authentication_error",
          "The API key provided does not have write permissions.");
    }
    if (wcPath.get().isEmpty()) {
      return READS.contains(method) ? Reply.ok(Bodies.namespaceIndex(siteUrl(site))) : Reply.noRoute();
    }
    Optional<Routes.Route> found = Routes.find(wcPath.get());
    if (found.isEmpty()) {
      return Reply.noRoute();
    }
    if (!READS.contains(method)) {
      return Reply.error(403, "woocommerce_rest_sandbox_read_only",
          "The sandbox store is read-only: its routes answer GET and HEAD only.");
    }
    if (user.isEmpty()) {
      return Reply.error(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
    }
    if (!user.get().managesShop() || resource.filter(r -> !granted.contains(r)).isPresent()) {
      return Reply.error(403, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
    }
    return found.get().answer().apply(siteUrl(site));
  }

  /**
   * GET /wp-json/. Since WooCommerce 11.1 a WooCommerce key authenticates only the wc/ routes: sent
   * here, a valid one is refused (notes §3, reject_out_of_scope_route). Without WooCommerce nothing
   * reads the header.
   */
  private Reply wordPressIndex(HttpExchange exchange, Site site, Map<String, String> query) {
    if (site.woocommerce) {
      Authentication authentication = authenticate(exchange, site, query);
      if (authentication.error().isPresent()) {
        return authentication.error().get();
      }
      if (authentication.key().isPresent()) {
        return Reply.error(401, "woocommerce_rest_authentication_error",
            "The provided API key cannot be used to access this endpoint.");
      }
    }
    if (!READS.contains(exchange.getRequestMethod())) {
      return Reply.noRoute();
    }
    Set<String> fields = new LinkedHashSet<>();
    Arrays.stream(query.getOrDefault("_fields", "").split(",")).map(String::trim).filter(f -> !f.isEmpty())
        .forEach(fields::add);
    return Reply.ok(Bodies.wordPressIndex(site, siteUrl(site), fields));
  }

  /**
   * The key a request authenticates as: the {@code consumer_key} and {@code consumer_secret} query
   * parameters first, then HTTP Basic, unless the web host strips the Authorization header.
   * An unknown key is no key (the request goes on as a visitor's); a wrong secret is an error.
   */
  private Authentication authenticate(HttpExchange exchange, Site site, Map<String, String> query) {
    Optional<String[]> given = Optional.empty();
    if (query.containsKey("consumer_key") && query.containsKey("consumer_secret")) {
      given = Optional.of(new String[] {query.get("consumer_key"), query.get("consumer_secret")});
    } else if (!site.stripsAuthorization) {
      given = basic(exchange.getRequestHeaders().getFirst("Authorization"));
    }
    if (given.isEmpty() || faults.rejectsTokens()) {
      return new Authentication(Optional.empty(), Optional.empty());
    }
    ApiKey key = keys.get(given.get()[0]);
    if (key == null) {
      return new Authentication(Optional.empty(), Optional.empty());
    }
    if (!key.secretMatches(given.get()[1])) {
      return new Authentication(Optional.empty(), Optional.of(
          Reply.error(401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.")));
    }
    return new Authentication(Optional.of(key), Optional.empty());
  }

  /** The user name and password of an HTTP Basic header, if it is one. */
  private static Optional<String[]> basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty()
          : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The path below wc/v3 ({@code ""} for the namespace index), if the request is for it. */
  private static Optional<String> wcPath(Site.Located located) {
    String prefix = API + WC;
    String path = located.path();
    if (path.equals(prefix) || path.equals(prefix + "/")) {
      return Optional.of("");
    }
    return path.startsWith(prefix + "/") ? Optional.of(path.substring(prefix.length() + 1)) : Optional.empty();
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
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

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        try {
          query.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          // a malformed escape: WordPress would ignore the parameter, and so does the sandbox
        }
      }
    }
    return query;
  }

  /** The query as logged: credentials given as parameters are not kept. */
  private static String redacted(String rawQuery) {
    return rawQuery.replaceAll("(?i)(consumer_(?:key|secret)=)[^&]*", "$1[redacted]");
  }

  private static String hex(SecureRandom random) {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The key a request authenticated as (none: a visitor), or the error that ends it. */
  private record Authentication(Optional<ApiKey> key, Optional<Reply> error) {}
}
