package dev.plugboard.host.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.Evidence;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.PhaseCheck.Outcome;
import dev.plugboard.host.PhaseCheck.Phase;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report is consistent with its own evidence, whatever each call answers: for combinations
 * of answers to the minimal connector's four calls (credentials check, identity call, the Orders
 * and Customers probes), each of 2xx with JSON, an empty object, no body or HTML, 401, 403, 404,
 * 422, 429, 500, no answer by the deadline, and a reset connection. The table holds each answer
 * at each call alone, each answer at every call at once, and a fixed-seed sample of the rest.
 */
final class ReportConsistencyTest {

  /** The calls, by the path and query they are sent to. */
  private static final List<String> CALLS = List.of(
      "/accounts/acme/me", "/accounts/acme/account", "/accounts/acme/orders?limit=1", "/accounts/acme/customers?limit=1");
  private static final String IDENTITY = CALLS.get(1);
  private static final Pattern LISTED = Pattern.compile("(Not checked because of it|Not decided because of it): ([^.]*)\\.");

  enum Answer { JSON, EMPTY_OBJECT, NO_BODY, HTML, S401, S403, S404, S422, S429, S500, TIMEOUT, RESET }

  @TempDir static Path plugins;
  private static final MockWebServer server = new MockWebServer();
  private static volatile Map<String, Answer> answers = Map.of();
  private static MinimalPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return respond(request.getTarget(), answers.getOrDefault(request.getTarget(), Answer.S404));
      }
    });
    server.start();
    platform = new MinimalPlatform(plugins, server);
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
    server.close();
  }

  static Stream<List<Answer>> combinations() {
    List<List<Answer>> table = new ArrayList<>();
    for (int call = 0; call < CALLS.size(); call++) {
      for (Answer answer : Answer.values()) {
        List<Answer> row = new ArrayList<>(List.of(Answer.JSON, Answer.JSON, Answer.JSON, Answer.JSON));
        row.set(call, answer);
        table.add(row);
      }
    }
    for (Answer answer : Answer.values()) {
      table.add(List.of(answer, answer, answer, answer));
    }
    Random random = new Random(20261201);
    Answer[] all = Answer.values();
    for (int i = 0; i < 100; i++) {
      table.add(List.of(all[random.nextInt(all.length)], all[random.nextInt(all.length)],
          all[random.nextInt(all.length)], all[random.nextInt(all.length)]));
    }
    return table.stream().distinct();
  }

  @ParameterizedTest(name = "credentials {0}")
  @MethodSource("combinations")
  void theReportFollowsFromItsOwnEvidence(List<Answer> combination) {
    Map<String, Answer> byCall = new LinkedHashMap<>();
    for (int i = 0; i < CALLS.size(); i++) {
      byCall.put(CALLS.get(i), combination.get(i));
    }
    answers = byCall;

    VerificationReport report = platform.verify(platform.options().timeout(Duration.ofMillis(700)).build());

    assertThat(report.scopes()).extracting(ScopeCheck::name).containsExactly("Orders", "Customers");
    assertThat(report.phases()).extracting(PhaseCheck::phase)
        .containsExactly(Phase.FORMAT, Phase.CREDENTIALS, Phase.IDENTITY, Phase.SCOPES);
    scopesFollowFromTheirEvidence(report);
    credentialsFollowFromTheirEvidence(report);
    identityFollowsFromItsEvidence(report);
    theScopesPhaseCountsTheScopes(report);
    problemsListOnlyWhatTheyKeptFromBeingChecked(report);
    theStatusFollowsFromThePhasesAndScopes(report);
  }

  private static void scopesFollowFromTheirEvidence(VerificationReport report) {
    for (ScopeCheck scope : report.scopes()) {
      switch (scope.status()) {
        case GRANTED -> assertThat(scope.evidence().orElseThrow().status().getAsInt()).as(scope.name()).isEqualTo(200);
        case MISSING -> {
          assertThat(scope.evidence().orElseThrow().status().getAsInt()).as(scope.name()).isIn(401, 403);
          assertThat(scope.remediation()).as(scope.name()).isNotEmpty();
        }
        case INCONCLUSIVE -> assertThat(scope.evidence()).as(scope.name()).isNotNull();
        case SKIPPED -> assertThat(report.problems()).as("a skipped scope is explained").isNotEmpty();
      }
      if (scope.status() != ScopeCheck.Status.MISSING) {
        assertThat(scope.remediation()).as(scope.name()).isEmpty();
      }
    }
  }

  private static void credentialsFollowFromTheirEvidence(VerificationReport report) {
    PhaseCheck credentials = report.phases().get(1);
    Integer status = callEvidence(credentials, CALLS.get(0)).status().stream().boxed().findFirst().orElse(null);
    switch (credentials.status()) {
      case PASSED -> assertThat(status != null && status / 100 == 2
          || report.scopes().stream().anyMatch(scope -> scope.status() == ScopeCheck.Status.GRANTED))
          .as("passed on a 2xx, or on a granted scope: " + credentials).isTrue();
      case FAILED -> {
        assertThat(report.problems()).extracting(Problem::code).containsAnyOf("credentials_rejected",
            "credentials_mismatch");
        report.problems().stream().filter(problem -> problem.code().equals("credentials_rejected"))
            .forEach(problem -> assertThat(problem.evidence().orElseThrow().status().getAsInt()).as("the rejection's own call").isEqualTo(401));
        if (report.problems().stream().anyMatch(problem -> problem.code().equals("credentials_mismatch"))) {
          assertThat(report.scopes()).extracting(scope -> scope.evidence().orElseThrow().status().getAsInt()).containsOnly(403);
        }
      }
      case INCONCLUSIVE -> assertThat(status == null || status / 100 != 2).as(credentials.toString()).isTrue();
      case SKIPPED -> throw new AssertionError("the credentials phase runs whenever the values are well-formed");
    }
  }

  private static void identityFollowsFromItsEvidence(VerificationReport report) {
    PhaseCheck identity = report.phases().get(2);
    Evidence evidence = callEvidence(identity, IDENTITY);
    Answer answer = answers.get(IDENTITY);
    if (identity.status() == Outcome.PASSED) {
      assertThat(evidence.status()).hasValue(200);
      assertThat(answer).as("named by the answer itself").isEqualTo(Answer.JSON);
      assertThat(report.account().display()).isEqualTo("Acme");
    } else {
      assertThat(report.account().display()).as("an account is named only by a passed identity phase: " + identity)
          .isEmpty();
    }
    boolean answeredWithoutName = evidence.status().equals(OptionalInt.of(200)) && answer != Answer.JSON;
    if (answeredWithoutName && identity.status() != Outcome.SKIPPED) {
      assertThat(identity.status()).as("an answer naming none of the values: " + identity).isEqualTo(Outcome.FAILED);
      assertThat(report.problems()).extracting(Problem::code).contains("identity_unnamed");
    }
    if (identity.status() == Outcome.SKIPPED) {
      assertThat(report.phases().get(1).status()).as("identity is skipped only after the credentials failed or stopped")
          .isNotEqualTo(Outcome.PASSED);
    }
  }

  private static void theScopesPhaseCountsTheScopes(VerificationReport report) {
    PhaseCheck scopes = report.phases().get(3);
    long granted = count(report, ScopeCheck.Status.GRANTED);
    long missing = count(report, ScopeCheck.Status.MISSING);
    switch (scopes.status()) {
      case PASSED -> assertThat(granted).isEqualTo(2);
      case FAILED -> {
        assertThat(missing).isPositive();
        assertThat(scopes.message()).startsWith(missing + " of 2 scopes missing");
      }
      case INCONCLUSIVE -> {
        assertThat(missing).isZero();
        assertThat(scopes.message()).startsWith(granted + " of 2 scopes granted");
      }
      case SKIPPED -> assertThat(granted + missing).isZero();
    }
  }

  private static void problemsListOnlyWhatTheyKeptFromBeingChecked(VerificationReport report) {
    assertThat(report.problems()).doesNotHaveDuplicates();
    for (Problem problem : report.problems()) {
      Matcher listed = LISTED.matcher(problem.message());
      while (listed.find()) {
        for (String name : listed.group(2).split(", ")) {
          report.scopes().stream().filter(scope -> scope.name().equals(name)).forEach(scope -> {
            assertThat(scope.status()).as(problem.code() + " lists " + name)
                .isIn(ScopeCheck.Status.INCONCLUSIVE, ScopeCheck.Status.SKIPPED);
            if (problem.code().equals("unexpected_answer")) {
              assertThat(scope.evidence().orElseThrow().path()).as("each unexpected answer is its own problem")
                  .isEqualTo(problem.evidence().orElseThrow().path());
            }
          });
        }
      }
    }
  }

  private static void theStatusFollowsFromThePhasesAndScopes(VerificationReport report) {
    boolean failed = report.phases().stream().anyMatch(phase -> phase.status() == Outcome.FAILED);
    boolean allPassed = report.phases().stream().allMatch(phase -> phase.status() == Outcome.PASSED)
        && count(report, ScopeCheck.Status.GRANTED) == 2;
    VerificationReport.Status expected = failed ? VerificationReport.Status.FAILED
        : allPassed ? VerificationReport.Status.VERIFIED : VerificationReport.Status.INCONCLUSIVE;
    assertThat(report.status()).isEqualTo(expected);
    if (allPassed) {
      assertThat(report.problems()).as("a verified report has no problem").isEmpty();
    } else {
      assertThat(!report.problems().isEmpty() || count(report, ScopeCheck.Status.MISSING) > 0)
          .as("what kept it from verifying is told: a problem or a missing scope").isTrue();
    }
  }

  private static Evidence callEvidence(PhaseCheck phase, String path) {
    return phase.evidence().stream().filter(evidence -> evidence.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError(phase + " shows no evidence of " + path));
  }

  private static long count(VerificationReport report, ScopeCheck.Status status) {
    return report.scopes().stream().filter(scope -> scope.status() == status).count();
  }

  private static MockResponse respond(String target, Answer answer) {
    MockResponse.Builder response = new MockResponse.Builder();
    return switch (answer) {
      case JSON -> json(response, target.equals(IDENTITY) ? "{\"name\":\"Acme\",\"id\":\"acme-1\"}" : "{}");
      case EMPTY_OBJECT -> json(response, "{}");
      case NO_BODY -> response.code(200).build();
      case HTML -> response.code(200).setHeader("Content-Type", "text/html").body("<html><body>Sign in</body></html>")
          .build();
      case S401, S403, S404, S422, S429, S500 -> response.code(Integer.parseInt(answer.name().substring(1))).build();
      case TIMEOUT -> response.code(200).headersDelay(5, TimeUnit.SECONDS).build();
      case RESET -> response.onRequestStart(new SocketEffect.CloseSocket()).build();
    };
  }

  private static MockResponse json(MockResponse.Builder response, String body) {
    return response.code(200).setHeader("Content-Type", "application/json").body(body).build();
  }
}
