package dev.plugboard.host.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.descriptor.RateLimit;
import dev.plugboard.host.internal.http.HttpOutcome.Answered;
import dev.plugboard.host.internal.http.HttpOutcome.GaveUp;
import dev.plugboard.host.internal.http.HttpOutcome.Refused;
import dev.plugboard.host.internal.http.HttpOutcome.Unreachable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One call's life over real loopback HTTP: headers, credentials, retries, rate limits, failures, the deadline. */
final class ApiSessionTest {

  private static final String TOKEN = "canarytokenzz0123456789abcdefgh";
  private static final RateLimit BIGCOMMERCE_HEADERS = new RateLimit(
      Optional.of("X-Rate-Limit-Requests-Left"), Optional.of("X-Rate-Limit-Time-Reset-Ms"),
      Optional.of("X-Rate-Limit-Requests-Quota"), Optional.of("X-Rate-Limit-Time-Window-Ms"), Optional.of("X-Retry-After"),
      Optional.empty(), OptionalInt.empty());
  private static final RetryPolicy FAST_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5));

  @StartStop private final MockWebServer server = new MockWebServer();
  @StartStop private final MockWebServer elsewhere = new MockWebServer();
  private final OkHttpClient client = HttpClients.create();

  @AfterEach
  void closeClient() {
    HttpClients.close(client);
  }

  @Test
  void everyCallCarriesUserAgentAcceptAndTheCredentialAndNoTrailingSlash() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    HttpOutcome outcome = send(session(), "v3/customers?limit=1");

    assertThat(outcome).isInstanceOfSatisfying(Answered.class, answered -> {
      assertThat(answered.status()).isEqualTo(200);
      assertThat(answered.evidence().path()).isEqualTo("/stores/abc123/v3/customers?limit=1");
      assertThat(answered.evidence().attempts()).isEqualTo(1);
    });
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/stores/abc123/v3/customers");
    assertThat(request.getHeaders().get("User-Agent")).isEqualTo("plugboard/0.1.0 (bigcommerce@1.0.0)");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("X-Auth-Token")).isEqualTo(TOKEN);
  }

  @Test
  void theCredentialNeverFollowsARedirectToAnotherHost() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", elsewhere.url("/collect")).build());
    elsewhere.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    HttpOutcome outcome = send(session(), "v2/store");

    assertThat(server.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo(TOKEN);
    RecordedRequest redirected = elsewhere.takeRequest(5, TimeUnit.SECONDS);
    assertThat(redirected).isNotNull();
    assertThat(redirected.getHeaders().names()).doesNotContain("X-Auth-Token");
    assertThat(redirected.getHeaders().toString()).doesNotContain(TOKEN);
    assertThat(outcome).isInstanceOfSatisfying(Refused.class, refused ->
        assertThat(refused.reason()).contains("redirected to " + elsewhere.getHostName() + ":" + elsewhere.getPort()));
  }

  @Test
  void theInterceptorAttachesTheCredentialOnlyToAllowedHostsAndNeverOverPlainHttpToARemoteOne() throws Exception {
    OkHttpClient resolvingEverythingHere = client.newBuilder()
        .dns(hostname -> List.of(InetAddress.getByName(server.getHostName())))
        .build();
    AllowedHosts allowed = AllowedHosts.of(List.of("api.minimal.example"),
        List.of(extraHost(), new ExtraHost("stand-in.example", server.getPort())));
    Credentials credentials = new Credentials(Map.of("X-Auth-Token", TOKEN), allowed);
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(200).build());
    }

    call(resolvingEverythingHere, server.url("/allowed"), credentials);
    call(resolvingEverythingHere, HttpUrl.get("http://api.minimal.example:" + server.getPort() + "/descriptor-host"),
        credentials);
    call(resolvingEverythingHere, HttpUrl.get("http://stand-in.example:" + server.getPort() + "/allowed-but-remote"),
        credentials);

    assertThat(server.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo(TOKEN);
    for (String path : List.of("/descriptor-host", "/allowed-but-remote")) {
      RecordedRequest plainHttp = server.takeRequest();
      assertThat(plainHttp.getUrl().encodedPath()).isEqualTo(path);
      assertThat(plainHttp.getHeaders().names()).as(path).doesNotContain("X-Auth-Token");
    }
  }

  @Test
  void nothingIsSentToAnAddressCredentialsMayNotGoTo() {
    HttpUrl notAllowed = elsewhere.url("/stores/abc123/v2/time");

    HttpOutcome outcome = session().send("GET", notAllowed, true, false);

    assertThat(outcome).isInstanceOfSatisfying(Refused.class, refused -> {
      assertThat(refused.reason()).contains(elsewhere.getHostName()).contains("not an allowed host");
      assertThat(refused.evidence().attempts()).isZero();
    });
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void serverErrorsAreTriedAgainAFewTimesThenGivenUp() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(503).build());
    }

    HttpOutcome outcome = send(session(), "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(GaveUp.class, gaveUp -> {
      assertThat(gaveUp.why()).isEqualTo(HttpOutcome.Why.SERVER_ERROR);
      assertThat(gaveUp.reason()).contains("answered 503").contains("on all 3 attempts");
      assertThat(gaveUp.evidence().status().getAsInt()).isEqualTo(503);
      assertThat(gaveUp.evidence().attempts()).isEqualTo(3);
    });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aServerErrorFollowedByAnAnswerCountsAsTheAnswer() {
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"time\":1}").build());

    HttpOutcome outcome = session().send("GET", session().url("v2/time"), true, true);

    assertThat(outcome).isInstanceOfSatisfying(Answered.class, answered -> {
      assertThat(answered.status()).isEqualTo(200);
      assertThat(answered.body()).isEqualTo("{\"time\":1}");
      assertThat(answered.evidence().attempts()).isEqualTo(2);
    });
  }

  @Test
  void aDroppedConnectionIsTriedAgain() {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    HttpOutcome outcome = send(session(), "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(Answered.class, answered ->
        assertThat(answered.evidence().attempts()).isEqualTo(2));
  }

  @Test
  void connectionsDroppedEveryTimeAreGivenUpAfterTheRetries() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    }

    HttpOutcome outcome = send(session(), "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(GaveUp.class, gaveUp -> {
      assertThat(gaveUp.why()).isEqualTo(HttpOutcome.Why.DROPPED);
      assertThat(gaveUp.reason()).contains("dropped").contains(server.getHostName());
      assertThat(gaveUp.evidence().attempts()).isEqualTo(3);
    });
  }

  @Test
  void aRefusedConnectionNamesTheHostAndIsNotTriedAgain() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    HttpUrl base = HttpUrl.get("http://127.0.0.1:" + closedPort + "/stores/abc123/");
    ApiSession session = session(base, client, new ExtraHost("127.0.0.1", closedPort), Duration.ofSeconds(10));

    HttpOutcome outcome = send(session, "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(Unreachable.class, unreachable -> {
      assertThat(unreachable.host()).isEqualTo("127.0.0.1:" + closedPort);
      assertThat(unreachable.reason()).isEqualTo("connection refused by 127.0.0.1:" + closedPort + " (nothing listens there)");
      assertThat(unreachable.evidence().attempts()).isEqualTo(1);
    });
  }

  @Test
  void anUnknownHostIsNamed() {
    OkHttpClient noSuchHost = client.newBuilder().dns(hostname -> {
      throw new UnknownHostException(hostname);
    }).build();
    ApiSession session = session(HttpUrl.get("https://api.minimal.example/stores/abc123/"), noSuchHost,
        new ExtraHost("127.0.0.1", 1), Duration.ofSeconds(10));

    HttpOutcome outcome = send(session, "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(Unreachable.class, unreachable ->
        assertThat(unreachable.reason()).isEqualTo("unknown host api.minimal.example (the name does not resolve)"));
  }

  @Test
  void aTlsFailureNamesTheHost() throws IOException {
    try (ServerSocket plainHttp = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread server = new Thread(() -> answerTlsWithPlainHttp(plainHttp), "plain-http");
      server.setDaemon(true);
      server.start();
      int port = plainHttp.getLocalPort();
      ApiSession session = session(HttpUrl.get("https://127.0.0.1:" + port + "/stores/abc123/"), client,
          new ExtraHost("127.0.0.1", port), Duration.ofSeconds(10));

      HttpOutcome outcome = send(session, "v2/time");

      assertThat(outcome).isInstanceOfSatisfying(Unreachable.class, unreachable ->
          assertThat(unreachable.reason()).startsWith("TLS handshake with 127.0.0.1:" + port + " failed"));
    }
  }

  /** Takes the TLS hello, answers in plain HTTP, and keeps the connection until the client gives up on it. */
  private static void answerTlsWithPlainHttp(ServerSocket serverSocket) {
    try (Socket socket = serverSocket.accept()) {
      byte[] buffer = new byte[8192];
      if (socket.getInputStream().read(buffer) > 0) {
        socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        while (socket.getInputStream().read(buffer) != -1) {
          // until the client closes
        }
      }
    } catch (IOException clientGone) {
      // the client closed the connection: the test has its answer
    }
  }

  @Test
  void a429IsTriedAgainOnceTheResetHeaderAllows() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("X-Rate-Limit-Time-Reset-Ms", "20")
        .setHeader("X-Rate-Limit-Requests-Left", "0").build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    HttpOutcome outcome = send(session(), "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(Answered.class, answered -> {
      assertThat(answered.status()).isEqualTo(200);
      assertThat(answered.evidence().attempts()).isEqualTo(2);
    });
  }

  @Test
  void a429WhoseResetComesAfterTheDeadlineIsGivenUpWithoutHammering() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("X-Rate-Limit-Time-Reset-Ms", "60000").build());

    HttpOutcome outcome = send(session(serverBase(), client, extraHost(), Duration.ofSeconds(5)), "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(GaveUp.class, gaveUp -> {
      assertThat(gaveUp.why()).isEqualTo(HttpOutcome.Why.RATE_LIMITED);
      assertThat(gaveUp.reason()).contains("until after the deadline of 5 s");
    });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retryAfterSecondsCountsWhenThereIsNoResetHeader() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("X-Retry-After", "60").build());

    HttpOutcome outcome = send(session(serverBase(), client, extraHost(), Duration.ofSeconds(5)), "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(GaveUp.class, gaveUp ->
        assertThat(gaveUp.why()).isEqualTo(HttpOutcome.Why.RATE_LIMITED));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void callsPaceThemselvesByTheRequestsLeftInsteadOfRunningIntoTheLimit() throws Exception {
    QuotaDispatcher quota = new QuotaDispatcher(2, Duration.ofMillis(150));
    server.setDispatcher(quota);
    ApiSession session = session();
    assertThat(send(session, "v2/time")).isInstanceOf(Answered.class);

    ExecutorService threads = Executors.newFixedThreadPool(5);
    try {
      List<Future<HttpOutcome>> calls = List.of(1, 2, 3, 4, 5).stream()
          .map(i -> threads.submit(() -> send(session, "v3/probe" + i))).toList();
      for (Future<HttpOutcome> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(Answered.class,
            answered -> assertThat(answered.status()).isEqualTo(200));
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(quota.tooMany()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void theDeadlineCutsAnAnswerThatDoesNotCome() {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).build());

    HttpOutcome outcome = send(session(serverBase(), client, extraHost(), Duration.ofMillis(300)), "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(GaveUp.class, gaveUp -> {
      assertThat(gaveUp.why()).isEqualTo(HttpOutcome.Why.TIMEOUT);
      assertThat(gaveUp.reason()).contains("within the deadline of 300 ms");
    });
  }

  @Test
  void aRateLimitResetTooLongForTheClockIsHeardAsLongerThanTheDeadlineNotAsNoWait() {
    for (String[] header : List.of(new String[] {"X-Rate-Limit-Time-Reset-Ms", "10000000000000"},
        new String[] {"X-Rate-Limit-Time-Reset-Ms", "9223372036854775807"}, new String[] {"X-Retry-After", "9223372037"},
        new String[] {"Retry-After", "9223372037"})) {
      server.enqueue(new MockResponse.Builder().code(429).setHeader(header[0], header[1]).build());
      int before = server.getRequestCount();

      HttpOutcome outcome = send(session(), "v2/time");

      assertThat(outcome).as(header[0]).isInstanceOfSatisfying(GaveUp.class, gaveUp -> {
        assertThat(gaveUp.why()).isEqualTo(HttpOutcome.Why.RATE_LIMITED);
        assertThat(gaveUp.reason()).contains("until after the deadline");
      });
      assertThat(server.getRequestCount() - before).as(header[0]).isEqualTo(1);
    }
  }

  @Test
  void theStandardRetryAfterInFractionalSecondsIsWaitedThenTheCallSucceeds() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0.2").build());
    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    HttpOutcome outcome = send(session(), "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(Answered.class, answered -> assertThat(answered.status()).isEqualTo(200));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterReadsSecondsFractionsAndHttpDatesAndNothingElse() {
    java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T10:00:00Z"), java.time.ZoneOffset.UTC);

    assertThat(RetryAfter.nanos("2", clock)).hasValue(2_000_000_000L);
    assertThat(RetryAfter.nanos("2.0", clock)).hasValue(2_000_000_000L);
    assertThat(RetryAfter.nanos("Tue, 01 Dec 2026 10:00:03 GMT", clock)).hasValue(3_000_000_000L);
    assertThat(RetryAfter.nanos("Tue, 01 Dec 2026 09:00:00 GMT", clock)).hasValue(0);
    assertThat(RetryAfter.nanos("soon", clock)).isEmpty();
    assertThat(RetryAfter.nanos("-1", clock)).isEmpty();
    assertThat(RetryAfter.nanos("1e300", clock)).hasValue(RetryAfter.FOREVER_NANOS);
  }

  @Test
  void aRedirectLoopEndsAfterAFewHopsAndIsNotTriedAgain() {
    for (int i = 0; i < 50; i++) {
      server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/stores/abc123/v2/time").build());
    }

    HttpOutcome outcome = send(session(), "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Unreachable.class, unreachable ->
        assertThat(unreachable.reason()).contains("redirected more than " + Hops.MAX_REDIRECTS + " times"));
    assertThat(server.getRequestCount()).isEqualTo(Hops.MAX_REDIRECTS + 1);
  }

  @Test
  void aRedirectToAHostThatRefusesIsReportedAsThatHostsRefusal() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getByName(server.getHostName()))) {
      closedPort = socket.getLocalPort();
    }
    HttpUrl target = HttpUrl.get("http://" + server.getHostName() + ":" + closedPort + "/stores/abc123/v2/time");
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", target).build());
    ExtraHost anyPort = new ExtraHost(server.getHostName(), -1);

    HttpOutcome outcome = send(session(serverBase(), client, anyPort, Duration.ofSeconds(10)), "v2/time");

    assertThat(outcome).isInstanceOfSatisfying(HttpOutcome.Unreachable.class, unreachable -> assertThat(
        unreachable.reason()).contains(":" + closedPort).contains("where " + server.getHostName() + ":"
        + server.getPort() + " redirected the call"));
  }

  @Test
  void aRedirectToAnotherHostSaysTheCallWentThereWithoutTheCredentials() {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", elsewhere.url("/collect")).build());
    elsewhere.enqueue(new MockResponse.Builder().code(200).body("{}").build());

    HttpOutcome outcome = send(session(), "v2/store");

    assertThat(outcome).isInstanceOfSatisfying(Refused.class, refused -> {
      assertThat(refused.sentWithout()).isTrue();
      assertThat(refused.reason()).contains("followed there without them");
    });
  }

  @Test
  void aCombinedUsedOfLimitHeaderPacesTheCallsOfAFullBucket() {
    RateLimit shopify = new RateLimit(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of("X-Shopify-Shop-Api-Call-Limit"), OptionalInt.empty());
    AllowedHosts allowed = AllowedHosts.of(List.of("api.minimal.example"), List.of(extraHost()));
    ApiTarget target = new ApiTarget(serverBase(), Map.of(), Map.of("X-Auth-Token", TOKEN), "plugboard/test", allowed,
        shopify);
    ApiSession session = new ApiSession(client, target, FAST_RETRIES, Deadline.in(Duration.ofMillis(300)));
    server.enqueue(new MockResponse.Builder().code(200).setHeader("X-Shopify-Shop-Api-Call-Limit", "40/40").build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    send(session, "v2/time");
    HttpOutcome second = send(session, "v2/time");

    assertThat(second).isInstanceOfSatisfying(GaveUp.class, gaveUp ->
        assertThat(gaveUp.why()).isEqualTo(HttpOutcome.Why.RATE_LIMITED));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private static HttpOutcome send(ApiSession session, String path) {
    return session.send("GET", session.url(path), true, false);
  }

  private ApiSession session() {
    return session(serverBase(), client, extraHost(), Duration.ofSeconds(10));
  }

  private ApiSession session(HttpUrl base, OkHttpClient httpClient, ExtraHost extra, Duration timeout) {
    AllowedHosts allowed = AllowedHosts.of(List.of("api.minimal.example"), List.of(extra));
    ApiTarget target = new ApiTarget(base, Map.of("Accept", "application/json"), Map.of("X-Auth-Token", TOKEN),
        "plugboard/0.1.0 (bigcommerce@1.0.0)", allowed, BIGCOMMERCE_HEADERS);
    return new ApiSession(httpClient, target, FAST_RETRIES, Deadline.in(timeout));
  }

  private HttpUrl serverBase() {
    return server.url("/stores/abc123/");
  }

  private ExtraHost extraHost() {
    return new ExtraHost(server.getHostName(), server.getPort());
  }

  private static void call(OkHttpClient httpClient, HttpUrl url, Credentials credentials) throws IOException {
    try (Response response = httpClient.newCall(new Request.Builder().url(url).tag(Credentials.class, credentials)
        .build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
  }
}
