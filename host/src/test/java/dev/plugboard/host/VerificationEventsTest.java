package dev.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plugboard.host.PhaseCheck.Outcome;
import dev.plugboard.host.PhaseCheck.Phase;
import dev.plugboard.host.VerificationEvent.Finished;
import dev.plugboard.host.VerificationEvent.PhaseDecided;
import dev.plugboard.host.VerificationEvent.ScopeDecided;
import dev.plugboard.host.VerificationEvent.Started;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verification's events through the public API: the minimal connector (an API address naming
 * the account, a secret token, Orders and Customers) as a real plugin jar, against a loopback
 * MockWebServer.
 */
final class VerificationEventsTest {

  private static final String TOKEN = "canary0token0value0zz";

  @TempDir Path plugins;
  @TempDir Path home;
  @StartStop private final MockWebServer server = new MockWebServer();
  private final List<VerificationEvent> events = new CopyOnWriteArrayList<>();
  private Plugboard plugboard;

  @BeforeEach
  void startHost() {
    TestPluginJar.plugin("minimal").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("minimal"))
        .writeTo(plugins);
    plugboard = Plugboard.builder().pluginsDir(plugins).home(home)
        .allowHost(server.getHostName() + ":" + server.getPort()).build();
  }

  @AfterEach
  void closeHost() {
    plugboard.close();
  }

  @Test
  void eventsComeStartedFirstThenEachPhaseAndOneDecisionPerScopeThenTheReportLast() {
    answering(VerificationEventsTest::happy);

    VerificationReport report = plugboard.verify("minimal", values(TOKEN), events::add);

    assertThat(events.get(0)).isInstanceOfSatisfying(Started.class, started -> {
      assertThat(started.connectorId()).isEqualTo("minimal");
      assertThat(started.scopes()).extracting(ScopeCheck::name, ScopeCheck::permission, ScopeCheck::id)
          .containsExactly(tuple("Orders", "Read", "orders_read"), tuple("Customers", "Read", "customers_read"));
    });
    assertThat(events.get(1)).isEqualTo(new PhaseDecided(report.phases().get(0)));
    assertThat(events.get(events.size() - 1)).isEqualTo(new Finished(report));
    assertThat(scopesDecided()).extracting(ScopeCheck::name).containsExactlyInAnyOrder("Orders", "Customers");
    assertThat(scopesDecided()).containsExactlyInAnyOrderElementsOf(report.scopes());
    assertThat(phasesDecided()).extracting(PhaseCheck::phase)
        .containsExactly(Phase.FORMAT, Phase.CREDENTIALS, Phase.IDENTITY, Phase.SCOPES);
    assertThat(phasesDecided()).containsExactlyElementsOf(report.phases());
    assertThat(indexOfPhase(Phase.SCOPES)).as("the scopes phase comes after every scope")
        .isGreaterThan(lastIndexOf(ScopeDecided.class));
    assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
  }

  @Test
  void aMissingScopeIsToldWithWhatToChangeAsSoonAsItsProbeAnswers() {
    answering(target -> target.startsWith("/accounts/acme/orders") ? status(403) : happy(target));

    VerificationReport report = plugboard.verify("minimal", values(TOKEN), events::add);

    assertThat(scopesDecided()).filteredOn(scope -> scope.name().equals("Orders")).singleElement()
        .satisfies(orders -> {
          assertThat(orders.status()).isEqualTo(ScopeCheck.Status.MISSING);
          assertThat(orders.remediation()).isEqualTo("Give the token Orders: Read. (guide step 2: Create the token)");
          assertThat(orders.evidence().orElseThrow().status().getAsInt()).isEqualTo(403);
        });
    assertThat(events.get(events.size() - 1)).isEqualTo(new Finished(report));
    assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
  }

  @Test
  void invalidValuesAreStartedTheFailedFormatPhaseAndTheReportAndNothingIsSent() {
    answering(VerificationEventsTest::happy);

    VerificationReport report = plugboard.verify("minimal", values("NOT-A-TOKEN"), events::add);

    assertThat(events).hasSize(3);
    assertThat(events.get(0)).isInstanceOf(Started.class);
    assertThat(events.get(1)).isInstanceOfSatisfying(PhaseDecided.class, decided -> {
      assertThat(decided.phase().phase()).isEqualTo(Phase.FORMAT);
      assertThat(decided.phase().status()).isEqualTo(Outcome.FAILED);
    });
    assertThat(events.get(2)).isEqualTo(new Finished(report));
    assertThat(report.status()).isEqualTo(VerificationReport.Status.INVALID);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aRejectedTokenStillDecidesEveryScopeOnceBeforeTheReport() {
    answering(target -> status(401));

    VerificationReport report = plugboard.verify("minimal", values(TOKEN), events::add);

    assertThat(scopesDecided()).extracting(ScopeCheck::name, ScopeCheck::status).containsExactlyInAnyOrder(
        tuple("Orders", ScopeCheck.Status.SKIPPED), tuple("Customers", ScopeCheck.Status.SKIPPED));
    assertThat(phasesDecided()).extracting(PhaseCheck::phase, PhaseCheck::status).containsExactly(
        tuple(Phase.FORMAT, Outcome.PASSED), tuple(Phase.CREDENTIALS, Outcome.FAILED),
        tuple(Phase.IDENTITY, Outcome.SKIPPED), tuple(Phase.SCOPES, Outcome.SKIPPED));
    assertThat(events.get(events.size() - 1)).isEqualTo(new Finished(report));
  }

  @Test
  void aListenerThatThrowsHearsNoMoreAndTheVerificationEndsAsItWouldHave() {
    answering(VerificationEventsTest::happy);
    List<VerificationEvent> heard = new CopyOnWriteArrayList<>();

    VerificationReport report = plugboard.verify("minimal", values(TOKEN), event -> {
      heard.add(event);
      throw new IllegalStateException("the application's listener broke");
    });

    assertThat(heard).singleElement().isInstanceOf(Started.class);
    assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
    assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.GRANTED);
  }

  @Test
  void connectTellsTheSameEventsAndKeepsTheConnectionItsReportVerified() {
    answering(VerificationEventsTest::happy);

    ConnectResult result = plugboard.connect("minimal", values(TOKEN), "shop", events::add);

    assertThat(result.stored()).isTrue();
    assertThat(events.get(0)).isInstanceOf(Started.class);
    assertThat(events.get(events.size() - 1)).isEqualTo(new Finished(result.report()));
    assertThat(scopesDecided()).hasSize(2);
  }

  @Test
  void noEventHoldsTheSecretEvenWhenEveryCallFails() throws Exception {
    for (Function<String, MockResponse> answers : List.<Function<String, MockResponse>>of(
        VerificationEventsTest::happy, target -> status(401), target -> status(403), target -> status(500),
        target -> target.startsWith("/accounts/acme/orders") ? status(403) : happy(target))) {
      answering(answers);
      plugboard.verify("minimal", values(TOKEN), events::add);
    }
    plugboard.verify("minimal", values(TOKEN + "X"), events::add);

    assertThat(events).hasSizeGreaterThan(6 * 3);
    for (VerificationEvent event : events) {
      Canaries.assertNoneIn(event.toString(), List.of(TOKEN));
      Canaries.assertNoneIn(Mappers.output().writeValueAsString(event), List.of(TOKEN));
    }
  }

  private Map<String, String> values(String token) {
    return Map.of("api_url", server.url("/accounts/acme/").toString(), "token", token);
  }

  private void answering(Function<String, MockResponse> answers) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answers.apply(request.getTarget());
      }
    });
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  private static MockResponse happy(String target) {
    return switch (target) {
      case "/accounts/acme/account" -> new MockResponse.Builder().code(200)
          .setHeader("Content-Type", "application/json").body("{\"name\":\"Acme\",\"id\":\"acme-1\"}").build();
      case "/accounts/acme/me", "/accounts/acme/orders?limit=1", "/accounts/acme/customers?limit=1" ->
          new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("{}").build();
      default -> status(404);
    };
  }

  private List<ScopeCheck> scopesDecided() {
    return events.stream().filter(ScopeDecided.class::isInstance).map(e -> ((ScopeDecided) e).scope()).toList();
  }

  /** The last decision told for each phase, in the order they were first told. */
  private List<PhaseCheck> phasesDecided() {
    Map<Phase, PhaseCheck> last = new java.util.LinkedHashMap<>();
    events.stream().filter(PhaseDecided.class::isInstance).map(e -> ((PhaseDecided) e).phase())
        .forEach(phase -> last.put(phase.phase(), phase));
    return List.copyOf(last.values());
  }

  private int indexOfPhase(Phase phase) {
    return IntStream.range(0, events.size())
        .filter(i -> events.get(i) instanceof PhaseDecided decided && decided.phase().phase() == phase)
        .findFirst().orElse(-1);
  }

  private int lastIndexOf(Class<?> type) {
    return IntStream.range(0, events.size()).filter(i -> type.isInstance(events.get(i))).max().orElse(-1);
  }
}
