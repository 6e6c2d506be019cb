package dev.plugboard.host.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.descriptor.RateLimit;
import dev.plugboard.host.internal.http.HttpOutcome.Answered;
import dev.plugboard.host.internal.http.HttpOutcome.GaveUp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.net.SocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many calls of one verification started together, over real loopback HTTP and TLS: on OkHttp's
 * dispatcher, all at once on first contact, over one HTTP/2 connection once the server is known to
 * speak it, cancelled on close, paced by a quota that only the first answer tells.
 */
final class ConcurrentCallsTest {

  private static final RateLimit BIGCOMMERCE_HEADERS = new RateLimit(
      Optional.of("X-Rate-Limit-Requests-Left"), Optional.of("X-Rate-Limit-Time-Reset-Ms"),
      Optional.of("X-Rate-Limit-Requests-Quota"), Optional.of("X-Rate-Limit-Time-Window-Ms"), Optional.empty(),
      Optional.empty(), OptionalInt.empty());
  private static final RetryPolicy FAST_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5));
  private static final HeldCertificate LOCALHOST = new HeldCertificate.Builder()
      .addSubjectAlternativeName("localhost").build();

  @StartStop private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = HttpClients.create();
  /** This test's own memory of HTTP/2 origins, so that no other test's server teaches it. */
  private final MultiplexedOrigins known = new MultiplexedOrigins(16);

  @AfterEach
  void closeClient() {
    HttpClients.close(client);
  }

  @Test
  void onFirstContactOverHttp11AllFourteenCallsOpenTheirConnectionsTogether() throws Exception {
    // No handshake completes until fourteen connections are open: calls held for a first
    // connection, or queued by the dispatcher's limit per host, would leave one waiting in vain.
    HandshakesTogether handshakes = serveTls(List.of(Protocol.HTTP_1_1), 14);
    for (int i = 0; i < 14; i++) {
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
    ApiSession session = session(trusting(client), "https", RateLimit.NONE);

    List<HttpOutcome> outcomes = startTogether(session, 14);

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(Answered.class,
        answered -> assertThat(answered.status()).isEqualTo(200)));
    assertThat(handshakes.waitedInVain()).isZero();
    Set<Integer> connections = new TreeSet<>();
    for (int i = 0; i < 14; i++) {
      connections.add(server.takeRequest().getConnectionIndex());
    }
    assertThat(connections).hasSize(14);
    assertThat(known.multiplexed(session.url("/"))).isFalse();
  }

  @Test
  void anOriginSeenSpeakingHttp2HoldsTheNextVerificationsCallsForOneConnection() throws Exception {
    // First contact: nothing is known, so the four calls go at once (no handshake completes until
    // all four connections are open) and OkHttp keeps one of their connections.
    HandshakesTogether handshakes = serveTls(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1), 4);
    for (int i = 0; i < 14; i++) {
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
    AtomicInteger sockets = new AtomicInteger();
    OkHttpClient counted = trusting(counting(client, sockets));
    assertThat(startTogether(session(counted, "https", RateLimit.NONE), 4))
        .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Answered.class));
    assertThat(handshakes.waitedInVain()).isZero();
    // The next verification, with no pooled connection left (as a CLI run starts).
    client.connectionPool().evictAll();
    sockets.set(0);
    ApiSession again = session(counted, "https", RateLimit.NONE);

    List<HttpOutcome> outcomes = startTogether(again, 10);

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Answered.class));
    for (int i = 0; i < 14; i++) {
      assertThat(server.takeRequest().getVersion()).isEqualTo("HTTP/2");
    }
    // Not held, OkHttp would open a connection per call and keep one: every handshake but one wasted.
    assertThat(sockets).hasValue(1);
  }

  @Test
  void theCallsRunOnTheClientsOwnDispatcher() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(holdingUntil(release));
    ApiSession session = session(client, "http", RateLimit.NONE);

    List<CompletableFuture<HttpOutcome>> started = IntStream.range(0, 3)
        .mapToObj(i -> session.start("GET", session.url("v3/probe" + i), true, false)).toList();
    for (int i = 0; i < 3; i++) {
      assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
    }

    assertThat(client.dispatcher().runningCallsCount()).isEqualTo(3);
    release.countDown();
    for (CompletableFuture<HttpOutcome> call : started) {
      assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOf(Answered.class);
    }
  }

  @Test
  void closingTheSessionCancelsTheCallsInFlight() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    server.setDispatcher(holdingUntil(never));
    ApiSession session = session(client, "http", RateLimit.NONE);
    CompletableFuture<HttpOutcome> call = session.start("GET", session.url("v2/time"), true, false);
    assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

    session.close();

    assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(GaveUp.class,
        gaveUp -> assertThat(gaveUp.why()).isEqualTo(HttpOutcome.Why.TIMEOUT));
    never.countDown();
  }

  @Test
  void aQuotaNoAnswerHasToldYetIsLearntFromTheFirstCallBeforeTheOthersGo() throws Exception {
    QuotaDispatcher quota = new QuotaDispatcher(2, Duration.ofMillis(200));
    server.setDispatcher(quota);
    ApiSession session = session(client, "http", BIGCOMMERCE_HEADERS);

    List<HttpOutcome> outcomes = startTogether(session, 5);

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(Answered.class,
        answered -> assertThat(answered.status()).isEqualTo(200)));
    assertThat(quota.tooMany()).isZero();
  }

  @Test
  void callsHeldForAFirstAnswerThatNeverComesEndAtTheDeadlineUnsent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).build());
    ApiSession session = session(client, "http", BIGCOMMERCE_HEADERS, Duration.ofMillis(300));

    List<HttpOutcome> outcomes = startTogether(session, 3);

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(GaveUp.class,
        gaveUp -> assertThat(gaveUp.why()).isEqualTo(HttpOutcome.Why.TIMEOUT)));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theBurstTheDescriptorDeclaresGoesOutTogetherBeforeAnyAnswer() throws Exception {
    CountDownLatch together = new CountDownLatch(3);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        together.countDown();
        boolean all = together.await(10, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(all ? 200 : 504).setHeader("X-Rate-Limit-Requests-Left", 100)
            .setHeader("X-Rate-Limit-Time-Reset-Ms", 30_000).build();
      }
    });
    RateLimit withBurst = BIGCOMMERCE_HEADERS.withBurst(OptionalInt.of(3));
    ApiSession session = session(client, "http", withBurst);

    List<HttpOutcome> outcomes = startTogether(session, 3);

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(Answered.class,
        answered -> assertThat(answered.status()).isEqualTo(200)));
  }

  private static List<HttpOutcome> startTogether(ApiSession session, int calls) throws Exception {
    List<CompletableFuture<HttpOutcome>> started = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      started.add(session.start("GET", session.url("v3/probe" + i), true, false));
    }
    List<HttpOutcome> outcomes = new ArrayList<>();
    for (CompletableFuture<HttpOutcome> call : started) {
      outcomes.add(call.get(20, TimeUnit.SECONDS));
    }
    return outcomes;
  }

  private static Dispatcher holdingUntil(CountDownLatch release) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(20, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(200).build();
      }
    };
  }

  /** {@code client} counting the sockets it opens. */
  private static OkHttpClient counting(OkHttpClient client, AtomicInteger sockets) {
    return client.newBuilder().socketFactory(new SocketFactory() {
      private final SocketFactory plain = SocketFactory.getDefault();

      @Override
      public Socket createSocket() throws IOException {
        sockets.incrementAndGet();
        return plain.createSocket();
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        sockets.incrementAndGet();
        return plain.createSocket(host, port);
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        sockets.incrementAndGet();
        return plain.createSocket(host, port, local, localPort);
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        sockets.incrementAndGet();
        return plain.createSocket(host, port);
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
        sockets.incrementAndGet();
        return plain.createSocket(host, port, local, localPort);
      }
    }).build();
  }

  /** TLS with {@code protocols}, no handshake completing until {@code together} connections are open. */
  private HandshakesTogether serveTls(List<Protocol> protocols, int together) {
    HandshakeCertificates certificates = new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build();
    HandshakesTogether handshakes = new HandshakesTogether(certificates.sslSocketFactory(), together);
    server.useHttps(handshakes);
    server.setProtocols(protocols);
    return handshakes;
  }

  private static OkHttpClient trusting(OkHttpClient client) {
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(LOCALHOST.certificate()).build();
    return client.newBuilder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
  }

  private ApiSession session(OkHttpClient httpClient, String scheme, RateLimit rateLimit) {
    return session(httpClient, scheme, rateLimit, Duration.ofSeconds(20));
  }

  private ApiSession session(OkHttpClient httpClient, String scheme, RateLimit rateLimit, Duration timeout) {
    String host = scheme.equals("https") ? "localhost" : server.getHostName();
    HttpUrl base = HttpUrl.get(scheme + "://" + host + ":" + server.getPort() + "/stores/abc123/");
    AllowedHosts allowed = AllowedHosts.of(List.of("api.minimal.example"), List.of(new ExtraHost(host,
        server.getPort())));
    ApiTarget target = new ApiTarget(base, Map.of(), Map.of("X-Auth-Token", "canarytokenzz0123456789abcdefgh"),
        "plugboard/test", allowed, rateLimit);
    return new ApiSession(httpClient, target, FAST_RETRIES, Deadline.in(timeout), known);
  }
}
