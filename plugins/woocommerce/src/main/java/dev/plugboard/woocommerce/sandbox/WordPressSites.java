package dev.plugboard.woocommerce.sandbox;

import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.api.sandbox.kit.FaultPlan;
import dev.plugboard.api.sandbox.kit.RateWindow;
import dev.plugboard.api.sandbox.kit.SandboxReply;
import dev.plugboard.api.sandbox.kit.SandboxRequest;
import dev.plugboard.api.sandbox.kit.SandboxServer;
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
import java.util.Set;

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
final class WordPressSites implements SandboxServer.Platform {

  /**
   * WooCommerce core sets no rate limit (a web host may, which the options can play): unless asked,
   * the sandbox answers every request.
   */
  static final SandboxOptions.Quota HOST_QUOTA = new SandboxOptions.Quota(Integer.MAX_VALUE, Duration.ofSeconds(1));

  private static final String API = "/wp-json";
  private static final String WC = "/wc/v3";

  private final Set<Resource> granted;
  private final FaultPlan faults;
  private final RateWindow rateWindow;
  private final ApiKey readKey;
  private final Map<String, ApiKey> keys = new LinkedHashMap<>();

  private WordPressSites(SandboxOptions options) {
    this.granted = Resource.parse(options.grantedScopes());
    this.faults = new FaultPlan(options.faults(), name -> Resource.find(name).name());
    this.rateWindow = new RateWindow(options.quotaOr(HOST_QUOTA), System.nanoTime());
    SecureRandom random = new SecureRandom();
    this.readKey = new ApiKey(new SandboxKeys.KeyPair("ck_" + hex(random), "cs_" + hex(random)),
        ApiKey.Permission.READ, true);
    for (ApiKey key : List.of(readKey,
        new ApiKey(SandboxKeys.READ_WRITE, ApiKey.Permission.READ_WRITE, true),
        new ApiKey(SandboxKeys.WRITE_ONLY, ApiKey.Permission.WRITE, true),
        new ApiKey(SandboxKeys.CUSTOMER_USER, ApiKey.Permission.READ, false))) {
      keys.put(key.pair().consumerKey(), key);
    }
  }

  static SandboxInstance start(SandboxOptions options) {
    WordPressSites sites = new WordPressSites(options);
    return SandboxServer.start("WooCommerce", options.latency(), sites.faults, sites).asInstance(sites::values);
  }

  /** The store's address (the WordPress site without WooCommerce under UnknownAccount) and its Read key. */
  private Map<String, String> values(String origin) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("store_url", origin + (faults.unknownAccount() ? Site.BLOG : Site.STORE).folder);
    values.put("consumer_key", readKey.pair().consumerKey());
    values.put("consumer_secret", readKey.pair().consumerSecret());
    return values;
  }

  private static String siteUrl(SandboxRequest request, Site site) {
    return request.origin() + site.folder;
  }

  @Override
  public Optional<String> scopeOf(SandboxRequest request) {
    return Site.locate(request.rawPath()).flatMap(WordPressSites::wcPath).flatMap(Routes::find)
        .flatMap(Routes.Route::resource).map(Resource::name);
  }

  @Override
  public SandboxReply serverError(int status) {
    return Reply.html(status, status == 503 ? "503 Service Unavailable" : status + " Bad Gateway");
  }

  /** The request as logged: credentials given as query parameters are not kept. */
  @Override
  public String logged(SandboxRequest request) {
    return request.rawPath() + request.rawQuery().map(query -> "?" + redacted(query)).orElse("");
  }

  @Override
  public SandboxReply answer(SandboxRequest request) {
    RateWindow.Admission admission = rateWindow.admit(System.nanoTime());
    if (!admission.allowed()) {
      return Reply.html(429, "429 Too Many Requests").withHeader("Retry-After", Long.toString(admission.resetSeconds()));
    }
    Optional<Site.Located> located = Site.locate(request.rawPath());
    if (located.isEmpty() || !(located.get().path().equals(API) || located.get().path().startsWith(API + "/"))) {
      return Reply.html(404, "404 Not Found");
    }
    Site site = located.get().site();
    String below = located.get().path().substring(API.length());
    if (below.isEmpty() || below.equals("/")) {
      return wordPressIndex(request, site);
    }
    Optional<String> wcPath = wcPath(located.get());
    if (!site.woocommerce || wcPath.isEmpty()) {
      return Reply.noRoute();
    }
    Authentication authentication = authenticate(request, site);
    if (authentication.error().isPresent()) {
      return authentication.error().get();
    }
    Optional<ApiKey> user = authentication.key();
    if (user.isPresent() && request.reads() && !user.get().permission().reads()) {
      return Reply.error(401, "woocommerce_rest_authentication_error",
          "The API key provided does not have read permissions.");
    }
    if (user.isPresent() && !request.reads() && !user.get().permission().writes()) {
      return Reply.error(401, "woocommerce_rest_authentication_error",
          "The API key provided does not have write permissions.");
    }
    if (wcPath.get().isEmpty()) {
      return request.reads() ? Reply.ok(Bodies.namespaceIndex(siteUrl(request, site))) : Reply.noRoute();
    }
    Optional<Routes.Route> found = Routes.find(wcPath.get());
    if (found.isEmpty()) {
      return Reply.noRoute();
    }
    if (!request.reads()) {
      return Reply.error(403, "woocommerce_rest_sandbox_read_only",
          "The sandbox store is read-only: its routes answer GET and HEAD only.");
    }
    if (user.isEmpty()) {
      return Reply.error(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
    }
    if (!user.get().managesShop() || found.get().resource().filter(r -> !granted.contains(r)).isPresent()) {
      return Reply.error(403, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
    }
    return found.get().answer().apply(siteUrl(request, site));
  }

  /**
   * GET /wp-json/. Since WooCommerce 11.1 a WooCommerce key authenticates only the wc/ routes: sent
   * here, a valid one is refused (notes §3, reject_out_of_scope_route). Without WooCommerce nothing
   * reads the header.
   */
  private SandboxReply wordPressIndex(SandboxRequest request, Site site) {
    if (site.woocommerce) {
      Authentication authentication = authenticate(request, site);
      if (authentication.error().isPresent()) {
        return authentication.error().get();
      }
      if (authentication.key().isPresent()) {
        return Reply.error(401, "woocommerce_rest_authentication_error",
            "The provided API key cannot be used to access this endpoint.");
      }
    }
    if (!request.reads()) {
      return Reply.noRoute();
    }
    Set<String> fields = new LinkedHashSet<>();
    Arrays.stream(request.query().getOrDefault("_fields", "").split(",")).map(String::trim).filter(f -> !f.isEmpty())
        .forEach(fields::add);
    return Reply.ok(Bodies.wordPressIndex(site, siteUrl(request, site), fields));
  }

  /**
   * The key a request authenticates as: the {@code consumer_key} and {@code consumer_secret} query
   * parameters first, then HTTP Basic, unless the web host strips the Authorization header.
   * An unknown key is no key (the request goes on as a visitor's); a wrong secret is an error.
   */
  private Authentication authenticate(SandboxRequest request, Site site) {
    Map<String, String> query = request.query();
    Optional<String[]> given = Optional.empty();
    if (query.containsKey("consumer_key") && query.containsKey("consumer_secret")) {
      given = Optional.of(new String[] {query.get("consumer_key"), query.get("consumer_secret")});
    } else if (!site.stripsAuthorization) {
      given = request.header("Authorization").flatMap(WordPressSites::basic);
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

  private static String redacted(String rawQuery) {
    return rawQuery.replaceAll("(?i)(consumer_(?:key|secret)=)[^&]*", "$1[redacted]");
  }

  private static String hex(SecureRandom random) {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The key a request authenticated as (none: a visitor), or the error that ends it. */
  private record Authentication(Optional<ApiKey> key, Optional<SandboxReply> error) {}
}
