package dev.plugboard.host.internal.verify;

import static dev.plugboard.host.internal.verify.MinimalPlatform.answering;
import static dev.plugboard.host.internal.verify.MinimalPlatform.happy;
import static dev.plugboard.host.internal.verify.MinimalPlatform.json;
import static dev.plugboard.host.internal.verify.MinimalPlatform.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.PhaseCheck.Outcome;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.http.ExtraHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's rules, on the minimal connector (Orders, Customers) against a MockWebServer. */
final class VerifierTest {

  @TempDir Path plugins;
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void aTokenAcceptedWithEveryScopeGrantedIsVerifiedAndNamesTheAccount() throws InterruptedException {
    server.setDispatcher(answering(MinimalPlatform::happy));

    VerificationReport report = verify();

    assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
    assertThat(report.account().display()).isEqualTo("Acme");
    assertThat(report.phases()).extracting(PhaseCheck::status).containsOnly(Outcome.PASSED);
    assertThat(report.phases().get(2).message()).isEqualTo("connected to Acme");
    assertThat(report.scopes()).extracting(ScopeCheck::name, ScopeCheck::status).containsExactly(
        tuple("Orders", ScopeCheck.Status.GRANTED), tuple("Customers", ScopeCheck.Status.GRANTED));
    assertThat(report.problems()).isEmpty();
    for (int i = 0; i < 4; i++) {
      assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + MinimalPlatform.TOKEN);
    }
  }

  @Test
  void theCallsGoWhereTheFormatPhaseAllowedTheValuesWithNoSecondAllowList() throws InterruptedException {
    server.setDispatcher(answering(MinimalPlatform::happy));

    try (MinimalPlatform platform = new MinimalPlatform(plugins, server)) {
      // The server's address is on the list the format phase checked against, not on the run's options.
      VerificationReport report = platform.verify(platform.values(),
          VerifyOptions.builder().retry(MinimalPlatform.FAST_RETRIES).build());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
    }
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + MinimalPlatform.TOKEN);
  }

  @Test
  void aRejectedTokenIsOneFindingAndNoProbesAnswerCounts() {
    server.setDispatcher(answering(target -> status(401)));

    VerificationReport report = verify();

    assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
    assertThat(report.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.code()).isEqualTo("credentials_rejected");
      assertThat(problem.message()).isEqualTo("The token was rejected.");
      assertThat(problem.remediation()).isEqualTo("Create a new token. (guide step 2: Create the token)");
      assertThat(problem.evidence().orElseThrow().status().getAsInt()).isEqualTo(401);
    });
    assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.SKIPPED);
    assertThat(report.phases()).extracting(PhaseCheck::status)
        .containsExactly(Outcome.PASSED, Outcome.FAILED, Outcome.SKIPPED, Outcome.SKIPPED);
    assertThat(report.scopes()).as("the probes went out with the credentials check; their answers are ignored")
        .extracting(ScopeCheck::evidence).containsOnly(Optional.empty());
  }

  @Test
  void everyScopeRefusedMeansTheCredentialsDoNotBelongTogetherNotThatEveryScopeIsMissing() {
    server.setDispatcher(answering(target -> status(403)));

    VerificationReport report = verify();

    assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
    assertThat(report.problems()).extracting(Problem::code).containsExactly("credentials_mismatch");
    assertThat(report.problems().get(0).remediation())
        .isEqualTo("Use the token of this account. (guide step 1: Open settings)");
    assertThat(report.scopes()).noneMatch(scope -> scope.status() == ScopeCheck.Status.MISSING);
    assertThat(report.scopes()).allSatisfy(scope -> {
      assertThat(scope.status()).isEqualTo(ScopeCheck.Status.SKIPPED);
      assertThat(scope.evidence().orElseThrow().status().getAsInt()).isEqualTo(403);
      assertThat(scope.evidence().orElseThrow().detail()).contains("credentials_mismatch");
    });
    assertThat(report.phases().get(1).message()).isEqualTo("The token does not belong to this account.");
  }

  @Test
  void aRefusedScopeIsMissingWithTheSettingToChangeAndItsGuideStep() {
    server.setDispatcher(answering(target -> target.startsWith("/accounts/acme/orders") ? status(403) : happy(target)));

    VerificationReport report = verify();

    assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
    assertThat(report.scopes().get(0)).satisfies(orders -> {
      assertThat(orders.status()).isEqualTo(ScopeCheck.Status.MISSING);
      assertThat(orders.remediation()).isEqualTo("Give the token Orders: Read. (guide step 2: Create the token)");
      assertThat(orders.evidence().orElseThrow().path()).isEqualTo("/accounts/acme/orders?limit=1");
    });
    assertThat(report.scopes().get(1).status()).isEqualTo(ScopeCheck.Status.GRANTED);
    assertThat(report.phases().get(3).message()).isEqualTo("1 of 2 scopes missing: Orders");
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void theStatusesThatProveAScopeAreTheDescriptors() {
    try (MinimalPlatform platform = platform(descriptor -> descriptor
        .replace("probe: {path: 'orders?limit=1', granted: [200]}", "probe: {path: 'orders/0', granted: [200, 404]}")
        .replace("granted: [200]}", "granted: [200, 204]}"))) {
      server.setDispatcher(answering(target -> switch (target) {
        case "/accounts/acme/orders/0" -> status(404);
        case "/accounts/acme/customers?limit=1" -> status(204);
        default -> happy(target);
      }));

      VerificationReport report = platform.verify();

      assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.GRANTED);
      assertThat(report.scopes()).extracting(scope -> scope.evidence().orElseThrow().status().getAsInt()).containsExactly(404, 204);
    }
  }

  @Test
  void aStatusThatProvesNothingLeavesTheScopeInconclusiveWithItsEvidence() {
    server.setDispatcher(answering(target -> target.startsWith("/accounts/acme/customers") ? status(400) : happy(target)));

    VerificationReport report = verify();

    assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
    assertThat(report.scopes().get(1)).satisfies(customers -> {
      assertThat(customers.status()).isEqualTo(ScopeCheck.Status.INCONCLUSIVE);
      assertThat(customers.evidence().orElseThrow().status().getAsInt()).isEqualTo(400);
    });
    assertThat(report.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.code()).isEqualTo("unexpected_answer");
      assertThat(problem.message()).endsWith("Not decided because of it: Customers.");
    });
  }

  @Test
  void serverErrorsLeaveTheirScopeInconclusiveAndEveryOtherScopeDecided() {
    server.setDispatcher(answering(target -> target.startsWith("/accounts/acme/customers") ? status(503) : happy(target)));

    VerificationReport report = verify();

    assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
    assertThat(report.scopes()).extracting(ScopeCheck::status)
        .containsExactly(ScopeCheck.Status.GRANTED, ScopeCheck.Status.INCONCLUSIVE);
    assertThat(report.scopes().get(1).evidence().orElseThrow().attempts()).isEqualTo(3);
    assertThat(report.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.code()).isEqualTo("server_error");
      assertThat(problem.message()).contains("answered 503").endsWith("Not checked because of it: Customers.");
    });
  }

  @Test
  void a401OnOneProbeAfterTheCredentialsCheckPassedIsThatScopesResultAndReopensNoEarlierPhase() {
    server.setDispatcher(answering(target -> target.startsWith("/accounts/acme/orders") ? status(401) : happy(target)));

    VerificationReport report = verify();

    assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
    assertThat(report.problems()).extracting(Problem::code).doesNotContain("credentials_rejected");
    assertThat(report.phases().get(1).status()).isEqualTo(PhaseCheck.Outcome.PASSED);
    assertThat(report.phases().get(2).message()).isEqualTo("connected to Acme");
    assertThat(report.scopes()).extracting(ScopeCheck::status)
        .containsExactly(ScopeCheck.Status.MISSING, ScopeCheck.Status.GRANTED);
    assertThat(report.scopes().get(0).evidence().orElseThrow().status().getAsInt()).isEqualTo(401);
  }

  @Test
  void a401OnEveryCallIsTheRejectionFindingOnceAndNoScopeIsCalledMissing() {
    server.setDispatcher(answering(target -> target.equals("/accounts/acme/account") ? happy(target) : status(401)));

    VerificationReport report = verify();

    assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
    assertThat(report.problems()).extracting(Problem::code).containsExactly("credentials_rejected");
    assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.SKIPPED);
  }

  @Test
  void nothingIsSentWhileAValueIsInvalid() {
    server.setDispatcher(answering(MinimalPlatform::happy));
    try (MinimalPlatform platform = platform()) {
      FormatResult format = platform.values("NOT-A-TOKEN");
      List<FieldCheck> formats = format.fields();
      assertThat(formats).extracting(FieldCheck::id, FieldCheck::status).containsExactly(
          tuple("api_url", FieldCheck.Status.OK), tuple("token", FieldCheck.Status.INVALID));

      VerificationReport report = platform.verify(format, platform.options().build());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INVALID);
      assertThat(report.fields()).isEqualTo(formats);
      assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.SKIPPED);
      assertThat(report.problems()).extracting(Problem::code).containsExactly("invalid_values");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void anUnreachableHostIsNamedAndEveryScopeStillReported() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    try (MinimalPlatform platform = platform()) {
      ExtraHost closed = new ExtraHost("127.0.0.1", closedPort);
      FormatResult values = platform.values("http://127.0.0.1:" + closedPort + "/accounts/acme/", MinimalPlatform.TOKEN,
          closed);

      VerificationReport report = platform.verify(values, platform.options().allowHost(closed).build());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
      assertThat(report.problems()).singleElement().satisfies(problem -> {
        assertThat(problem.code()).isEqualTo("unreachable");
        assertThat(problem.message()).contains("127.0.0.1:" + closedPort);
        assertThat(problem.remediation()).contains("API URL");
      });
      assertThat(report.scopes()).hasSize(2).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.SKIPPED);
    }
  }

  @Test
  void theDeadlineLeavesWhatIsUnfinishedInconclusiveAndTheRestDecided() {
    server.setDispatcher(answering(target -> target.startsWith("/accounts/acme/customers")
        ? new MockResponse.Builder().code(200).headersDelay(20, TimeUnit.SECONDS).build()
        : happy(target)));

    VerificationReport report = verify(options -> options.timeout(Duration.ofMillis(700)));

    assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
    assertThat(report.scopes()).extracting(ScopeCheck::status)
        .containsExactly(ScopeCheck.Status.GRANTED, ScopeCheck.Status.INCONCLUSIVE);
    assertThat(report.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.code()).isEqualTo("timeout");
      assertThat(problem.message()).contains("deadline of 700 ms");
    });
  }

  @Test
  void twoCallsAnsweringTheSameUnexpectedStatusAreTwoProblemsEachWithItsOwnEvidence() {
    server.setDispatcher(answering(target -> target.contains("?limit=1") ? status(422) : happy(target)));

    VerificationReport report = verify();

    assertThat(report.problems()).extracting(Problem::code).containsExactly("unexpected_answer", "unexpected_answer");
    assertThat(report.problems()).extracting(problem -> problem.evidence().orElseThrow().path())
        .containsExactly("/accounts/acme/orders?limit=1", "/accounts/acme/customers?limit=1");
    assertThat(report.problems()).allSatisfy(problem -> assertThat(problem.message()).doesNotContain("Not checked"));
  }

  @Test
  void anIdentityAnswerNamingNoAccountIsAFailedIdentityNotAConnection() {
    server.setDispatcher(answering(target -> target.equals("/accounts/acme/account") ? json("{}") : happy(target)));

    VerificationReport report = verify();

    assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
    assertThat(report.phases().get(2).status()).isEqualTo(Outcome.FAILED);
    assertThat(report.phases().get(2).message()).doesNotContain("connected");
    assertThat(report.problems()).extracting(Problem::code).contains("identity_unnamed");
  }

  @Test
  void anAccountOtherThanTheOneTheValuesNameIsItsOwnFinding() {
    server.setDispatcher(answering(target -> target.equals("/accounts/acme/account")
        ? json("{\"name\":\"Other\",\"id\":\"other\"}") : happy(target)));

    VerificationReport report;
    try (MinimalPlatform platform = platform(yaml -> yaml.replace("    name: /name\n",
        "    name: /name\n    account_id: /id\n  expect:\n    account_id: '{api_url.account}'\n"))) {
      report = platform.verify();
    }

    assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
    assertThat(report.phases().get(2).message()).contains("another account", "account_id other where the values name acme");
    assertThat(report.problems()).extracting(Problem::code).contains("account_mismatch");
  }

  private VerificationReport verify() {
    try (MinimalPlatform platform = platform()) {
      return platform.verify();
    }
  }

  private VerificationReport verify(UnaryOperator<VerifyOptions.Builder> options) {
    try (MinimalPlatform platform = platform()) {
      return platform.verify(options.apply(platform.options()).build());
    }
  }

  private MinimalPlatform platform() {
    return new MinimalPlatform(plugins, server);
  }

  private MinimalPlatform platform(UnaryOperator<String> edit) {
    return new MinimalPlatform(plugins, server, edit);
  }
}
