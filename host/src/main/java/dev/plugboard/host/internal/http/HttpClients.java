package dev.plugboard.host.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The host's one HTTP client: one connection pool shared by every verification, with the
 * credential interceptor and the request log installed. Create it once per host and close it
 * with the host.
 */
public final class HttpClients {

  /** Connect in 10 s, every read in 20 s; a whole call (redirects and all) in 30 s. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  /** Calls out at once to one host, across the verifications running together. */
  static final int MAX_REQUESTS_PER_HOST = 64;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private HttpClients() {}

  public static OkHttpClient create() {
    return create(CONNECT_TIMEOUT, READ_TIMEOUT, CALL_TIMEOUT);
  }

  public static OkHttpClient create(Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
    return builder(connectTimeout, readTimeout, callTimeout).build();
  }

  /**
   * The same client for plain http only: building it loads no trust store and makes no TLS
   * context, a few hundred milliseconds of a cold start that a call to a local sandbox never
   * uses. Redirects from http to https are not followed in any case.
   */
  public static OkHttpClient cleartext() {
    return builder(CONNECT_TIMEOUT, READ_TIMEOUT, CALL_TIMEOUT).connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
  }

  /** {@code cleartext} able to call https too (OkHttp's default TLS), sharing its connection pool and threads. */
  public static OkHttpClient withTls(OkHttpClient cleartext) {
    return cleartext.newBuilder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT)).build();
  }

  private static OkHttpClient.Builder builder(Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
    // Calls run on the dispatcher (enqueue). One verification has at most Calls' bound out at once
    // (32, above any connector's call count, so a whole verification goes in one wave); the limit
    // per host leaves room for two such at once to one platform host, more queue there. OkHttp's
    // default of 5 per host would hold 9 of a verification's 14 calls back until others had
    // ended: a second wave, over HTTP/1.1 with its connections opened only then.
    Dispatcher dispatcher = new Dispatcher(dispatcherThreads());
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
        .socketFactory(new NoDelaySockets())
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(readTimeout)
        .callTimeout(callTimeout)
        // Retries are ours (counted, with backoff, within the deadline): OkHttp's silent ones would double them.
        .retryOnConnectionFailure(false)
        // Redirects within an allowed host are followed; the credential interceptor decides per hop.
        // A change between http and https is not followed: it is never a platform's API moving.
        .followRedirects(true)
        .followSslRedirects(false)
        .eventListener(Hops.WHERE.plus(FirstConnection.EVENTS))
        .addNetworkInterceptor(Hops.COUNTER)
        .addNetworkInterceptor(new CredentialInterceptor())
        .addNetworkInterceptor(new RequestLog());
  }

  /**
   * OkHttp's own kind of pool (threads made as calls need them, kept a minute idle), with daemon
   * threads: an idle dispatcher never holds the JVM of an application or a CLI run open.
   */
  private static ExecutorService dispatcherThreads() {
    ThreadFactory threads = task -> {
      Thread thread = new Thread(task, "plugboard-http-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
  }

  /** Releases the client's threads and pooled connections. */
  public static void close(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
