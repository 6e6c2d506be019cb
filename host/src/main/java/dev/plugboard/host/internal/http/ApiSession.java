package dev.plugboard.host.internal.http;

import dev.plugboard.host.Evidence;
import dev.plugboard.host.internal.http.HttpOutcome.GaveUp;
import dev.plugboard.host.internal.http.HttpOutcome.Why;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
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
 * backoff), cut to the deadline, and ends in an {@link HttpOutcome}. Calls run on OkHttp's own
 * dispatcher ({@code enqueue}): waiting for a retry or for the rate limit holds no thread. Safe for
 * concurrent calls; close it to cancel the calls still running.
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
  private final FirstConnection first;
  private final Set<Call> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public ApiSession(OkHttpClient client, ApiTarget target, RetryPolicy retry, Deadline deadline) {
    this(client, target, retry, deadline, MultiplexedOrigins.PROCESS);
  }

  /** @param known the origins known to speak HTTP/2, whose calls wait for the first one's connection */
  ApiSession(OkHttpClient client, ApiTarget target, RetryPolicy retry, Deadline deadline, MultiplexedOrigins known) {
    this.client = client;
    this.target = target;
    this.retry = retry;
    this.deadline = deadline;
    this.gate = new RateLimitGate(target.rateLimit(), this::later);
    this.credentials = new Credentials(target.credentialHeaders(), target.allowedHosts());
    this.first = new FirstConnection(target.baseUrl(), known);
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
   * Sends {@code method url}, retrying and waiting as needed, and waits for how it ends (on the
   * caller's thread; the call itself runs on OkHttp's).
   *
   * @see #start(String, HttpUrl, boolean, boolean)
   */
  public HttpOutcome send(String method, HttpUrl url, boolean authenticated, boolean readBody) {
    return start(method, url, authenticated, readBody).join();
  }

  /**
   * Starts {@code method url} on OkHttp's dispatcher, retrying and waiting as needed without
   * holding a thread; {@code authenticated} for the credentials to go with it (where the
   * allow-list permits), {@code readBody} to keep the answer's text. The outcome completes on the
   * thread that ends the call.
   */
  public CompletableFuture<HttpOutcome> start(String method, HttpUrl url, boolean authenticated, boolean readBody) {
    Exchange exchange = new Exchange(method, url, System.nanoTime(), readBody);
    Optional<String> refusal = target.allowedHosts().refusal(url.scheme(), url.host(), url.port());
    if (refusal.isPresent()) {
      exchange.finish(new HttpOutcome.Refused(refusal.get(), exchange.evidence(refusal.get())));
      return exchange.outcome;
    }
    Request.Builder builder = new Request.Builder()
        .url(url)
        // A method that needs a body gets an empty one: the descriptor vouched that the call changes nothing.
        .method(method, BODY_METHODS.contains(method) ? RequestBody.create(new byte[0]) : null)
        .headers(headers(target))
        .tag(FirstConnection.class, first);
    if (authenticated) {
      builder.tag(Credentials.class, credentials);
    }
    exchange.request = builder.build();
    exchange.next();
    return exchange.outcome;
  }

  /** Cancels the calls still running, and any attempt still to come: their outcomes become timeouts. */
  @Override
  public void close() {
    closed = true;
    running.forEach(Call::cancel);
  }

  /**
   * Runs {@code task} {@code nanos} from now on the client's dispatcher threads (the JDK's one
   * delay thread only counts the time); a client already shut down runs it on that thread.
   */
  private void later(long nanos, Runnable task) {
    Executor threads = command -> {
      try {
        client.dispatcher().executorService().execute(command);
      } catch (RejectedExecutionException shutDown) {
        command.run();
      }
    };
    CompletableFuture.delayedExecutor(Math.max(0, nanos), TimeUnit.NANOSECONDS, threads).execute(task);
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
  private final class Exchange implements Callback {
    private final String method;
    private final HttpUrl url;
    private final String host;
    private final long start;
    private final boolean readBody;
    private final CompletableFuture<HttpOutcome> outcome = new CompletableFuture<>();
    private Request request;
    private int attempts;
    private int retries;
    private int rateLimited;
    private Integer lastStatus;
    /** The attempt under way, and where its hops went. */
    private Hops hops;

    Exchange(String method, HttpUrl url, long start, boolean readBody) {
      this.method = method;
      this.url = url;
      this.host = hostOf(url);
      this.start = start;
      this.readBody = readBody;
    }

    /** The next attempt, once the rate limit lets it out. */
    void next() {
      if (closed) {
        finish(gaveUp(Why.TIMEOUT, "stopped: the verification no longer needs this answer"));
        return;
      }
      gate.acquire(deadline, this::attempt, () -> finish(gaveUp(Why.RATE_LIMITED, host
          + " allows no more requests until after the deadline of " + deadline.describe() + " (rate limit)")));
    }

    /** Sends, now or (while the first call to an origin known to speak HTTP/2 connects) once it has. */
    private void attempt() {
      if (first.claim()) {
        enqueue(request);
      } else {
        first.whenUp(() -> enqueue(request));
      }
    }

    private void enqueue(Request toSend) {
      long remaining = deadline.remainingNanos();
      if (closed || remaining <= 0) {
        gate.failed();
        first.up();
        finish(gaveUp(Why.TIMEOUT, "no answer from " + host + " within the deadline of " + deadline.describe()));
        return;
      }
      attempts++;
      hops = new Hops();
      Call call = client.newCall(toSend.newBuilder().tag(Hops.class, hops).build());
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      running.add(call);
      if (closed) {
        call.cancel(); // closed meanwhile: the call ends at once, as a timeout
      }
      call.enqueue(this);
    }

    @Override
    public void onResponse(Call done, Response response) {
      running.remove(done);
      first.up();
      try {
        HttpOutcome result = null;
        IOException unread = null;
        // The outcome is told once the response is closed, so that its connection is free again by then.
        try (response) {
          lastStatus = response.code();
          gate.answered(response.headers(), response.code(), retry.backoffNanos(rateLimited + 1));
          result = answered(response);
        } catch (IOException e) {
          unread = e;
        }
        if (unread != null) {
          failed(done, unread);
        } else if (result != null) {
          finish(result);
        }
      } catch (RuntimeException e) {
        outcome.completeExceptionally(e);
      }
    }

    @Override
    public void onFailure(Call done, IOException e) {
      running.remove(done);
      first.up();
      gate.failed();
      try {
        failed(done, e);
      } catch (RuntimeException unexpected) {
        outcome.completeExceptionally(unexpected);
      }
    }

    /** How the call ended with {@code response}, or null when it is tried again. */
    private HttpOutcome answered(Response response) throws IOException {
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
          next();
          return null;
        }
        return gaveUp(Why.RATE_LIMITED, host + " kept answering 429 (rate limit) " + rateLimited + " times");
      }
      if (response.code() >= 500) {
        if (retries < retry.maxRetries() && backOff(++retries, "answered " + response.code())) {
          return null;
        }
        return gaveUp(Why.SERVER_ERROR, host + " answered " + response.code() + " (server error) " + times(attempts));
      }
      String body = readBody ? response.peekBody(MAX_BODY).string() : "";
      return new HttpOutcome.Answered(response.code(), body, evidence(""));
    }

    private void failed(Call done, IOException e) {
      if (deadline.passed() || done.isCanceled()) {
        finish(gaveUp(Why.TIMEOUT, "no answer from " + host + " within the deadline of " + deadline.describe()));
        return;
      }
      String where = hostOf(hops.lastOr(url));
      Failures.Failure failure = Failures.classify(e, where);
      if (!where.equals(host)) {
        failure = new Failures.Failure(failure.kind(), failure.reason() + ", where " + host + " redirected the call");
      }
      if (failure.kind() == Failures.Kind.UNREACHABLE) {
        finish(new HttpOutcome.Unreachable(host, failure.reason(), evidence(failure.reason())));
        return;
      }
      if (retries >= retry.maxRetries() || !backOff(++retries, failure.reason())) {
        Why why = failure.kind() == Failures.Kind.TIMEOUT ? Why.TIMEOUT : Why.DROPPED;
        finish(gaveUp(why, failure.reason() + ", " + times(attempts)));
      }
    }

    /**
     * Tries again after the backoff for retry number {@code retryNumber}; false, trying nothing,
     * when the wait would end past the deadline.
     */
    private boolean backOff(int retryNumber, String why) {
      long wait = retry.backoffNanos(retryNumber);
      if (!deadline.allows(wait)) {
        return false;
      }
      LOG.debug("{} {} {}: {}; attempt {} of {} in {} ms", method, host, url.encodedPath(), why, retryNumber + 1,
          retry.maxRetries() + 1, wait / 1_000_000);
      later(wait, this::next);
      return true;
    }

    void finish(HttpOutcome result) {
      outcome.complete(result);
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
