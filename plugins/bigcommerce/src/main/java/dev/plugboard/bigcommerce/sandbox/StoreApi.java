package dev.plugboard.bigcommerce.sandbox;

import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.api.sandbox.kit.FaultPlan;
import dev.plugboard.api.sandbox.kit.RateWindow;
import dev.plugboard.api.sandbox.kit.SandboxReply;
import dev.plugboard.api.sandbox.kit.SandboxRequest;
import dev.plugboard.api.sandbox.kit.SandboxServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The BigCommerce API of one made-up store on 127.0.0.1: the store's paths below
 * {@code /stores/{hash}/v2|v3/}, answered in the order BigCommerce checks things (rate limit,
 * store, token, path, scope). The faults it was told to play come first (plugin-api's sandbox kit).
 */
final class StoreApi implements SandboxServer.Platform {

  /** The Standard and Plus plans' quota, unless the options ask for another: 150 requests per 30 seconds. */
  static final SandboxOptions.Quota PLAN_QUOTA = new SandboxOptions.Quota(150, Duration.ofSeconds(30));

  private static final Pattern STORE_PATH = Pattern.compile("/stores/([^/]+)/(v[23]/.*)");

  private final Set<StoreScope> granted;
  private final FaultPlan faults;
  private final StoreAccount store;
  private final RateWindow rateWindow;

  private StoreApi(SandboxOptions options) {
    this.granted = StoreScope.parse(options.grantedScopes());
    this.faults = new FaultPlan(options.faults(), name -> StoreScope.find(name).name());
    this.store = StoreAccount.random(new SecureRandom());
    this.rateWindow = new RateWindow(options.quotaOr(PLAN_QUOTA), System.nanoTime());
  }

  /** Starts a store's API; its values are the store's API account, with the store hash an unknown one under UnknownAccount. */
  static SandboxInstance start(SandboxOptions options) {
    StoreApi api = new StoreApi(options);
    return SandboxServer.start("BigCommerce", options.latency(), api.faults, api).asInstance(api::values);
  }

  private Map<String, String> values(String origin) {
    String offeredHash = faults.unknownAccount() ? "unknown" + store.storeHash().substring(0, 4) : store.storeHash();
    return store.values(origin, offeredHash);
  }

  @Override
  public Optional<String> scopeOf(SandboxRequest request) {
    return route(request).flatMap(match -> match.route().scope()).map(StoreScope::name);
  }

  @Override
  public SandboxReply serverError(int status) {
    return Reply.v3Error(status, status == 503 ? "Service Unavailable" : "Bad Gateway");
  }

  @Override
  public SandboxReply answer(SandboxRequest request) {
    RateWindow.Admission admission = rateWindow.admit(System.nanoTime());
    Map<String, String> headers = rateLimitHeaders(admission);
    return answer(request, admission).withHeaders(headers);
  }

  private SandboxReply answer(SandboxRequest request, RateWindow.Admission admission) {
    if (!admission.allowed()) {
      return Reply.v3Error(429, "Too many requests");
    }
    Matcher storePath = STORE_PATH.matcher(request.rawPath());
    if (!storePath.matches()) {
      return Reply.v3Error(404, "Not found: the API is below /stores/{store_hash}/v2/ and /v3/");
    }
    if (!storePath.group(1).equals(store.storeHash())) {
      return Reply.missingScope(); // an unknown store hash looks like a missing scope (notes §4)
    }
    Optional<String> token = request.header("X-Auth-Token");
    if (faults.rejectsTokens() || token.filter(store.accessToken()::equals).isEmpty()) {
      return Reply.v3Error(401, "Unauthorized");
    }
    if (!request.reads()) {
      return Reply.v3Error(405, "The sandbox is read-only: GET and HEAD only");
    }
    String path = storePath.group(2);
    if (path.endsWith("/")) {
      return Reply.v3Error(403, "Authentication Required"); // bigcommerce/api#95: a trailing slash is refused
    }
    Optional<Routes.Match> match = Routes.find(path);
    if (match.isEmpty()) {
      return path.startsWith("v2/") ? Reply.v2Error(404, "The requested resource was not found.")
          : Reply.v3Error(404, "The requested resource was not found.");
    }
    Optional<StoreScope> scope = match.get().route().scope();
    if (scope.isPresent() && !granted.contains(scope.get())) {
      return Reply.missingScope();
    }
    return match.get().route().answer().answer(match.get().path(), request.query(), store);
  }

  /** BigCommerce's rate-limit headers, on every answer past the server errors (notes §4, "Rate limiting"). */
  private Map<String, String> rateLimitHeaders(RateWindow.Admission admission) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Rate-Limit-Time-Window-Ms", Long.toString(rateWindow.windowMillis()));
    headers.put("X-Rate-Limit-Time-Reset-Ms", Long.toString(admission.resetMillis()));
    headers.put("X-Rate-Limit-Requests-Quota", Integer.toString(rateWindow.quota()));
    headers.put("X-Rate-Limit-Requests-Left", Integer.toString(admission.left()));
    if (!admission.allowed()) {
      headers.put("X-Retry-After", Long.toString((admission.resetMillis() + 999) / 1000));
    }
    return headers;
  }

  private static Optional<Routes.Match> route(SandboxRequest request) {
    Matcher storePath = STORE_PATH.matcher(request.rawPath());
    return storePath.matches() ? Routes.find(storePath.group(2)) : Optional.empty();
  }
}
