package dev.plugboard.host.internal.http;

import java.util.OptionalInt;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.internal.http.HttpOutcome.GaveUp;
import dev.plugboard.host.internal.http.HttpOutcome.Why;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One verification's calls to one platform, over the host's shared client: each call is paced
 * by the platform's rate limit, tried again after server errors and dropped connections (with
 * backoff), cut to the deadline, and ends in an {@link HttpOutcome}. Safe for concurrent calls;
 * close it to cancel the calls still running.
 */
public final class ApiSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiSession.class);
  private static final long MAX_BODY = 1 << 20;
  /** 429s one call accepts before giving up, however short the waits the platform asks for. */
  private static final int MAX_RATE_LIMITED = 20;
  /** The methods HTTP gives a body; OkHttp refuses to send them without one. */
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  private final OkHttpClient client;
  private final ApiTarget target;
  private final RetryPolicy retry;
  private final Deadline deadline;
  private final RateLimitGate gate;
  private final Credentials credentials;
  private final Set<Call> running = ConcurrentHashMap.newKeySet();

  public ApiSession(OkHttpClient client, ApiTarget target, RetryPolicy retry, Deadline deadline) {
    this.client = client;
    this.target = target;
    this.retry = retry;
    this.deadline = deadline;
    this.gate = new RateLimitGate(target.rateLimit());
    this.credentials = new Credentials(target.credentialHeaders(), target.allowedHosts());
  }

  /**
   * {@code path} resolved against the base URL.
   *
   * @throws IllegalArgumentException when the result is not an http(s) URL
   */
  public HttpUrl url(String path) {
    HttpUrl url = target.baseUrl().resolve(path);
    if (url == null) {
      throw new IllegalArgumentException("cannot resolve " + path + " against " + target.baseUrl());
    }
    return url;
  }

  public Deadline deadline() {
    return deadline;
  }

  /**
   * Sends {@code method url}, retrying and waiting as needed; {@code authenticated} for the
   * credentials to go with it (where the allow-list permits), {@code readBody} to keep the answer's text.
   */
  public HttpOutcome send(String method, HttpUrl url, boolean authenticated, boolean readBody) {
    Exchange exchange = new Exchange(method, url, System.nanoTime());
    Optional<String> refusal = target.allowedHosts().refusal(url.scheme(), url.host(), url.port());
    if (refusal.isPresent()) {
      return new HttpOutcome.Refused(refusal.get(), exchange.evidence(refusal.get()));
    }
    Request.Builder builder = new Request.Builder()
        .url(url)
        // A method that needs a body gets an empty one: the descriptor vouched that the call changes nothing.
        .method(method, BODY_METHODS.contains(method) ? RequestBody.create(new byte[0]) : null)
        .headers(headers(target));
    if (authenticated) {
      builder.tag(Credentials.class, credentials);
    }
    Request request = builder.build();
    try {
      return exchange.run(request, readBody);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return exchange.gaveUp(Why.TIMEOUT, "stopped at the deadline of " + deadline.describe());
    }
  }

  /** Cancels the calls still running: their outcomes become timeouts. */
  @Override
  public void close() {
    running.forEach(Call::cancel);
  }

  /** The host as users know it: with the port when it is not the scheme's default. */
  public static String hostOf(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }

  /** The path and query, as evidence shows them: {@code /stores/abc123/v3/customers?limit=1}. */
  public static String pathOf(HttpUrl url) {
    String query = url.encodedQuery();
    return url.encodedPath() + (query == null ? "" : "?" + query);
  }

  private static Headers headers(ApiTarget target) {
    Headers.Builder headers = new Headers.Builder()
        .set("User-Agent", target.userAgent())
        .set("Accept", "application/json");
    target.headers().forEach(headers::set);
    return headers.build();
  }

  /** The attempts of one call, and what is known so far for its evidence. */
  private final class Exchange {
    private final String method;
    private final HttpUrl url;
    private final String host;
    private final long start;
    private int attempts;
    private Integer lastStatus;

    Exchange(String method, HttpUrl url, long start) {
      this.method = method;
      this.url = url;
      this.host = hostOf(url);
      this.start = start;
    }

    HttpOutcome run(Request request, boolean readBody) throws InterruptedException {
      int retries = 0;
      int rateLimited = 0;
      while (true) {
        if (!gate.acquire(deadline)) {
          return gaveUp(Why.RATE_LIMITED, host + " allows no more requests until after the deadline of "
              + deadline.describe() + " (rate limit)");
        }
        long remaining = deadline.remainingNanos();
        if (remaining <= 0) {
          gate.failed();
          return gaveUp(Why.TIMEOUT, "no answer from " + host + " within the deadline of " + deadline.describe());
        }
        attempts++;
        Hops hops = new Hops();
        Call call = client.newCall(request.newBuilder().tag(Hops.class, hops).build());
        call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
        running.add(call);
        boolean answered = false;
        try (Response response = call.execute()) {
          lastStatus = response.code();
          gate.answered(response.headers(), response.code(), retry.backoffNanos(rateLimited + 1));
          answered = true;
          HttpUrl landed = response.request().url();
          Optional<String> refusal = target.allowedHosts().refusal(landed.scheme(), landed.host(), landed.port());
          if (refusal.isPresent()) {
            String reason = "redirected to " + hostOf(landed) + ", where credentials may not go (" + refusal.get()
                + "); the call was followed there without them";
            return new HttpOutcome.Refused(reason, evidence(reason), true);
          }
          if (response.code() == 429) {
            if (++rateLimited < MAX_RATE_LIMITED) {
              LOG.debug("{} {} {}: 429, waiting for the rate limit to reset", method, host, url.encodedPath());
              continue;
            }
            return gaveUp(Why.RATE_LIMITED, host + " kept answering 429 (rate limit) " + rateLimited + " times");
          }
          if (response.code() >= 500) {
            if (retries < retry.maxRetries() && backOff(++retries, "answered " + response.code())) {
              continue;
            }
            return gaveUp(Why.SERVER_ERROR, host + " answered " + response.code() + " (server error) "
                + times(attempts));
          }
          String body = readBody ? response.peekBody(MAX_BODY).string() : "";
          return new HttpOutcome.Answered(response.code(), body, evidence(""));
        } catch (IOException e) {
          if (!answered) {
            gate.failed();
          }
          if (deadline.passed() || call.isCanceled()) {
            return gaveUp(Why.TIMEOUT, "no answer from " + host + " within the deadline of " + deadline.describe());
          }
          String where = hostOf(hops.lastOr(url));
          Failures.Failure failure = Failures.classify(e, where);
          if (!where.equals(host)) {
            failure = new Failures.Failure(failure.kind(), failure.reason() + ", where " + host + " redirected the call");
          }
          if (failure.kind() == Failures.Kind.UNREACHABLE) {
            return new HttpOutcome.Unreachable(host, failure.reason(), evidence(failure.reason()));
          }
          if (retries < retry.maxRetries() && backOff(++retries, failure.reason())) {
            continue;
          }
          Why why = failure.kind() == Failures.Kind.TIMEOUT ? Why.TIMEOUT : Why.DROPPED;
          return gaveUp(why, failure.reason() + ", " + times(attempts));
        } finally {
          running.remove(call);
        }
      }
    }

    /** Waits before retry number {@code retry}; false when the wait would end past the deadline. */
    private boolean backOff(int retryNumber, String why) throws InterruptedException {
      long wait = retry.backoffNanos(retryNumber);
      if (!deadline.allows(wait)) {
        return false;
      }
      LOG.debug("{} {} {}: {}; attempt {} of {} in {} ms", method, host, url.encodedPath(), why, retryNumber + 1,
          retry.maxRetries() + 1, wait / 1_000_000);
      TimeUnit.NANOSECONDS.sleep(wait);
      return true;
    }

    GaveUp gaveUp(Why why, String reason) {
      return new GaveUp(why, reason, evidence(reason));
    }

    Evidence evidence(String detail) {
      return new Evidence(method, host, pathOf(url),
          lastStatus == null ? OptionalInt.empty() : OptionalInt.of(lastStatus), attempts,
          (System.nanoTime() - start) / 1_000_000, detail);
    }

    private static String times(int attempts) {
      return attempts == 1 ? "on the only attempt" : "on all " + attempts + " attempts";
    }
  }
}
