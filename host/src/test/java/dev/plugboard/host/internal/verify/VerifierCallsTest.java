package dev.plugboard.host.internal.verify;

import static dev.plugboard.host.internal.verify.MinimalPlatform.answering;
import static dev.plugboard.host.internal.verify.MinimalPlatform.happy;
import static dev.plugboard.host.internal.verify.MinimalPlatform.json;
import static dev.plugboard.host.internal.verify.MinimalPlatform.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.PhaseCheck.Outcome;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which calls the engine sends, when, and with what: concurrency, parallelism, shared calls, account values. */
final class VerifierCallsTest {

  @TempDir Path plugins;
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void theScopeProbesAreInFlightTogether() {
    CountDownLatch bothProbesArrived = new CountDownLatch(2);
    List<Boolean> sawTheOther = Collections.synchronizedList(new ArrayList<>());
    server.setDispatcher(answering(target -> {
      if (target.startsWith("/accounts/acme/orders") || target.startsWith("/accounts/acme/customers")) {
        bothProbesArrived.countDown();
        sawTheOther.add(await(bothProbesArrived));
      }
      return happy(target);
    }));

    try (MinimalPlatform platform = new MinimalPlatform(plugins, server)) {
      assertThat(platform.verify().status()).isEqualTo(VerificationReport.Status.VERIFIED);
    }
    assertThat(sawTheOther).containsExactly(true, true);
  }

  @Test
  void theCredentialsCheckTheIdentityCallAndEveryProbeAreInFlightTogether() {
    CountDownLatch allArrived = new CountDownLatch(4);
    List<Boolean> sawTheOthers = Collections.synchronizedList(new ArrayList<>());
    server.setDispatcher(answering(target -> {
      allArrived.countDown();
      sawTheOthers.add(await(allArrived));
      return happy(target);
    }));

    try (MinimalPlatform platform = new MinimalPlatform(plugins, server)) {
      assertThat(platform.verify().status()).isEqualTo(VerificationReport.Status.VERIFIED);
    }
    assertThat(sawTheOthers).containsExactly(true, true, true, true);
  }

  @Test
  void aRejectedTokenCancelsTheProbesStillInFlight() throws InterruptedException {
    CountDownLatch probesHeld = new CountDownLatch(1);
    CountDownLatch probesArrived = new CountDownLatch(2);
    server.setDispatcher(answering(target -> {
      if (target.endsWith("/me")) {
        await(probesArrived);
        return status(401);
      }
      if (!target.endsWith("/account")) {
        probesArrived.countDown();
        await(probesHeld);
      }
      return happy(target);
    }));

    try (MinimalPlatform platform = new MinimalPlatform(plugins, server)) {
      assertThat(platform.verify().status()).isEqualTo(VerificationReport.Status.FAILED);
      for (int i = 0; i < 100 && platform.callsRunning() > 0; i++) {
        Thread.sleep(50);
      }
      assertThat(platform.callsRunning()).as("the probes still waiting for their answers").isZero();
    } finally {
      probesHeld.countDown();
    }
  }

  @Test
  void beforeOneWaveTheProbesWaitedForTheFirstTwoCalls() {
    AtomicInteger firstTwoAnswered = new AtomicInteger();
    List<Integer> answeredBeforeEachProbe = Collections.synchronizedList(new ArrayList<>());
    server.setDispatcher(answering(target -> {
      if (target.endsWith("/me") || target.endsWith("/account")) {
        firstTwoAnswered.incrementAndGet();
      } else {
        answeredBeforeEachProbe.add(firstTwoAnswered.get());
      }
      return happy(target);
    }));

    try (MinimalPlatform platform = new MinimalPlatform(plugins, server)) {
      assertThat(platform.verify(platform.options().oneWave(false).build()).status())
          .isEqualTo(VerificationReport.Status.VERIFIED);
    }
    assertThat(answeredBeforeEachProbe).containsExactly(2, 2);
  }

  @Test
  void aProbeNamingAnIdentityValueGoesWithTheDefaultAndOnceOnlyWhenTheAnswerAgrees() throws InterruptedException {
    server.setDispatcher(answering(target -> target.equals("/accounts/acme/account")
        ? json("{\"name\":\"Acme\",\"channel\":\"1\"}") : status(200)));
    try (MinimalPlatform platform = new MinimalPlatform(plugins, server, VerifierCallsTest::channelProbe)) {

      VerificationReport report = platform.verify();

      assertThat(report.scopes().get(0).evidence().orElseThrow().path()).isEqualTo("/accounts/acme/channels/1/orders");
    }
    assertThat(targets()).filteredOn(target -> target.contains("/channels/")).containsExactly(
        "/accounts/acme/channels/1/orders");
  }

  @Test
  void aProbeWhosePathTheIdentityAnswerChangesIsSentAgainWithItAndItsFirstAnswerIgnored()
      throws InterruptedException {
    // The identity answer waits for the probe sent with the default, so that it surely went first.
    CountDownLatch defaultProbeArrived = new CountDownLatch(1);
    server.setDispatcher(answering(target -> switch (target) {
      case "/accounts/acme/account" -> {
        await(defaultProbeArrived);
        yield json("{\"name\":\"Acme\",\"channel\":\"7\"}");
      }
      case "/accounts/acme/channels/1/orders" -> {
        defaultProbeArrived.countDown();
        yield status(403);
      }
      default -> status(200);
    }));
    try (MinimalPlatform platform = new MinimalPlatform(plugins, server, VerifierCallsTest::channelProbe)) {

      VerificationReport report = platform.verify();

      assertThat(report.scopes().get(0).status()).isEqualTo(ScopeCheck.Status.GRANTED);
      assertThat(report.scopes().get(0).evidence().orElseThrow().path()).isEqualTo("/accounts/acme/channels/7/orders");
    }
    assertThat(targets()).filteredOn(target -> target.contains("/channels/")).containsExactlyInAnyOrder(
        "/accounts/acme/channels/1/orders", "/accounts/acme/channels/7/orders");
  }

  private List<String> targets() throws InterruptedException {
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      targets.add(server.takeRequest().getTarget());
    }
    return targets;
  }

  /** The minimal descriptor with Orders proven on the account's channel, which the identity answer names, 1 unless it does. */
  private static String channelProbe(String descriptor) {
    return descriptor
        .replace("    name: /name\n", "    name: /name\n    channel: /channel\n  defaults:\n    channel: '1'\n")
        .replace("'orders?limit=1'", "'channels/{account.channel}/orders'");
  }

  @Test
  void parallelismOneSendsOneCallAtATime() {
    InFlight inFlight = new InFlight();
    server.setDispatcher(inFlight);

    try (MinimalPlatform platform = new MinimalPlatform(plugins, server)) {
      VerificationReport report = platform.verify(platform.options().parallelism(1).build());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
    }
    assertThat(inFlight.most.get()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void anIdentityCallThatIsAlsoAScopesProbeIsSentOnceAndItsRefusalNamesTheScope() throws InterruptedException {
    server.setDispatcher(answering(target -> target.equals("/accounts/acme/orders?limit=1") ? status(403) : happy(target)));
    try (MinimalPlatform platform = new MinimalPlatform(plugins, server,
        descriptor -> descriptor.replace("  path: account\n", "  path: 'orders?limit=1'\n"))) {

      VerificationReport report = platform.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
      assertThat(report.phases().get(2).status()).isEqualTo(Outcome.FAILED);
      assertThat(report.problems()).singleElement().satisfies(problem -> {
        assertThat(problem.code()).isEqualTo("identity_unavailable");
        assertThat(problem.message()).endsWith("so the account cannot be named: it needs the scope Orders (Read).");
        assertThat(problem.remediation()).isEqualTo("Give the token Orders: Read. (guide step 2: Create the token)");
      });
      assertThat(report.scopes().get(0).status()).isEqualTo(ScopeCheck.Status.MISSING);
      assertThat(report.account().known()).isFalse();
    }
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      targets.add(server.takeRequest().getTarget());
    }
    assertThat(targets).containsExactlyInAnyOrder(
        "/accounts/acme/me", "/accounts/acme/orders?limit=1", "/accounts/acme/customers?limit=1");
  }

  @Test
  void anAccountValueFromTheIdentityAnswerIsEncodedIntoTheProbesPathNeverFollowed() throws InterruptedException {
    server.setDispatcher(answering(target -> target.equals("/accounts/acme/account")
        ? json("{\"name\":\"Acme\",\"id\":\"../../admin?x=1\"}") : status(200)));
    try (MinimalPlatform platform = new MinimalPlatform(plugins, server, descriptor -> descriptor
        .replace("    name: /name\n", "    name: /name\n    id: /id\n")
        .replace("'orders?limit=1'", "'orders/{account.id}/items'"))) {

      VerificationReport report = platform.verify();

      assertThat(report.scopes().get(0).evidence().orElseThrow().path()).isEqualTo("/accounts/acme/orders/..%2F..%2Fadmin%3Fx%3D1/items");
      assertThat(report.account().values()).containsEntry("id", "../../admin?x=1");
    }
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      targets.add(server.takeRequest().getTarget());
    }
    assertThat(targets).contains("/accounts/acme/orders/..%2F..%2Fadmin%3Fx%3D1/items").noneMatch(t -> t.contains("/admin"));
  }

  @Test
  void aProbeNeedingAnAccountValueNobodyGaveIsInconclusiveAndTheOthersStillRun() {
    server.setDispatcher(answering(MinimalPlatform::happy));
    try (MinimalPlatform platform = new MinimalPlatform(plugins, server, descriptor -> descriptor
        .replace("    name: /name\n", "    name: /name\n    region: /region\n")
        .replace("'orders?limit=1'", "'regions/{account.region}/orders'"))) {

      VerificationReport report = platform.verify();

      assertThat(report.scopes()).extracting(ScopeCheck::status)
          .containsExactly(ScopeCheck.Status.INCONCLUSIVE, ScopeCheck.Status.GRANTED);
      assertThat(report.problems()).extracting(Problem::code).containsExactly("missing_account_value");
      assertThat(report.problems().get(0).message()).contains("{account.region}");
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Answers happily and records the most requests it ever had in hand at once. */
  private static final class InFlight extends Dispatcher {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20); // long enough for a second call to arrive if one were sent
        return happy(request.getTarget());
      } finally {
        now.decrementAndGet();
      }
    }
  }
}
