package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BigCommerce connector verified against something nobody here wrote: BigCommerce's own
 * OpenAPI files served by Stoplight Prism ({@link OpenApiMock}), first as they answer by default,
 * then with each call the descriptor makes forced, one at a time, to every status its operation
 * defines. Whatever the answer, the report shows it as the evidence of the call that got it, and
 * says nothing its evidence does not back.
 */
final class BigCommerceOpenApiMockTest {

  /** The store hash of the files' examples: the identity answer's {@code id} is {@code abc123}. */
  private static final String STORE_HASH = "abc123";

  @TempDir static Path folder;
  private static OpenApiMock mock;
  private static Plugboard plugboard;
  private static ConnectorDescriptor descriptor;
  private static Map<String, String> values;

  @BeforeAll
  static void start() throws Exception {
    Path plugins = Files.createDirectories(folder.resolve("plugins"));
    TestPluginJar.plugin("bigcommerce").directory(Path.of("target/classes")).writeTo(plugins);
    try (Plugboard probe = Plugboard.builder().pluginsDir(plugins).home(folder.resolve("probe-home")).build()) {
      descriptor = probe.describe("bigcommerce");
    }
    mock = OpenApiMock.start(Files.createDirectories(Path.of("target/prism-logs")), calls().keySet());
    plugboard = Plugboard.builder().pluginsDir(plugins).home(folder.resolve("home")).allowHost(mock.address()).build();
    try (SandboxSession sandbox = plugboard.startSandbox("bigcommerce", SandboxOptions.defaults())) {
      values = new LinkedHashMap<>(sandbox.values());
    }
    values.put("api_path", "http://" + mock.address() + "/stores/" + STORE_HASH + "/v3/");
  }

  @AfterAll
  static void stop() {
    if (plugboard != null) {
      plugboard.close();
    }
    if (mock != null) {
      mock.close();
    }
  }

  @Test
  void answeredAsTheFilesAnswerByDefaultTheStoreVerifiesWithEveryScopeGranted() {
    mock.forceNothing();

    VerificationReport report = plugboard.verify("bigcommerce", values);

    assertThat(report.scopes()).as(report.toString()).allSatisfy(scope ->
        assertThat(scope.status()).as(scope.name() + " " + scope.evidence()).isEqualTo(ScopeCheck.Status.GRANTED));
    assertThat(report.status()).as(report.toString()).isEqualTo(VerificationReport.Status.VERIFIED);
    assertThat(report.account().display()).isNotBlank();
    consistent(report);
  }

  static Stream<Arguments> everyStatusOfEveryCall() {
    List<Arguments> cases = new ArrayList<>();
    calls().forEach((call, what) -> {
      int slash = call.indexOf('/');
      Map.Entry<OpenApiMock.Spec, String> operation = mock.operation(call.substring(0, slash), call.substring(slash))
          .orElseThrow();
      operation.getKey().file().getStatuses().get(operation.getValue()).stream()
          .filter(status -> status.matches("[1-5][0-9][0-9]") && !status.startsWith("2"))
          .sorted()
          .forEach(status -> cases.add(Arguments.of(what, call, Integer.parseInt(status))));
    });
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} ({1}) answering {2}")
  @MethodSource("everyStatusOfEveryCall")
  void whateverOneCallIsAnsweredTheReportShowsItAsThatCallsEvidenceAndFollowsFromIt(String what, String call, int status) {
    String below = call.substring(call.indexOf('/'));
    mock.forceNothing();
    mock.force(below, status);

    VerificationReport report = plugboard.verify("bigcommerce", values);

    consistent(report);
    int answered = mock.lastAnswerTo(below).orElseThrow(() -> new AssertionError(what + " was not sent: " + report));
    String path = "/stores/" + STORE_HASH + "/" + call;
    assertThat(allEvidence(report)).as(what + " answered " + answered + " (" + status + " asked): " + allEvidence(report))
        .anySatisfy(evidence -> {
          assertThat(evidence.path()).startsWith(path);
          assertThat(evidence.status()).hasValue(answered);
        });
    Optional<Scope> probed = descriptor.scopes().stream().filter(scope -> belowStore(scope.probe().orElseThrow().path()).equals(call))
        .findFirst();
    boolean grantedAnswer = probed.map(scope -> scope.probe().orElseThrow().granted().contains(answered)).orElse(answered == 200);
    if (!grantedAnswer) {
      assertThat(report.status()).as(what + " answered " + answered + ": " + report)
          .isNotEqualTo(VerificationReport.Status.VERIFIED);
    }
    probed.ifPresent(scope -> assertThat(report.scopes()).filteredOn(check -> check.id().equals(scope.id()))
        .singleElement()
        .satisfies(check -> assertThat(check.status() == ScopeCheck.Status.GRANTED).as(check.toString())
            .isEqualTo(grantedAnswer)));
  }

  /** What every report must hold, whatever the answers. */
  private static void consistent(VerificationReport report) {
    boolean allPassed = report.phases().stream().allMatch(phase -> phase.status() == PhaseCheck.Outcome.PASSED);
    boolean allGranted = report.scopes().stream().allMatch(scope -> scope.status() == ScopeCheck.Status.GRANTED);
    assertThat(report.status() == VerificationReport.Status.VERIFIED).as(report.toString()).isEqualTo(allPassed && allGranted);
    for (ScopeCheck scope : report.scopes()) {
      Scope declared = descriptor.scopes().stream().filter(s -> s.id().equals(scope.id())).findFirst().orElseThrow();
      Optional<Integer> answered = scope.evidence().flatMap(evidence -> evidence.status().stream().boxed().findFirst());
      if (scope.status() == ScopeCheck.Status.GRANTED) {
        assertThat(answered).as(scope.name() + " granted on its evidence " + scope.evidence())
            .hasValueSatisfying(s -> assertThat(declared.probe().orElseThrow().granted()).contains(s));
      }
      if (scope.status() == ScopeCheck.Status.MISSING) {
        assertThat(scope.remediation()).as(scope.name() + " missing with a remediation").isNotBlank();
      }
    }
    for (var problem : report.problems()) {
      for (String listed : listedAsNotChecked(problem.message())) {
        report.scopes().stream().filter(scope -> scope.name().equals(listed)).forEach(scope ->
            assertThat(scope.status()).as(listed + " said not checked because of: " + problem.message())
                .isIn(ScopeCheck.Status.SKIPPED, ScopeCheck.Status.INCONCLUSIVE));
      }
    }
  }

  private static List<String> listedAsNotChecked(String message) {
    int at = message.indexOf("because of it: ");
    if (at < 0) {
      return List.of();
    }
    String list = message.substring(at + "because of it: ".length());
    list = list.endsWith(".") ? list.substring(0, list.length() - 1) : list;
    return List.of(list.split(", "));
  }

  private static List<Evidence> allEvidence(VerificationReport report) {
    List<Evidence> all = new ArrayList<>();
    report.phases().forEach(phase -> all.addAll(phase.evidence()));
    report.scopes().stream().flatMap(scope -> scope.evidence().stream()).forEach(all::add);
    return all;
  }

  /** Each call the descriptor makes, below the store (query dropped, a value from the identity as 1), and what it is. */
  private static Map<String, String> calls() {
    Map<String, String> calls = new LinkedHashMap<>();
    calls.put(belowStore(descriptor.credentials().path()), "the credentials check");
    calls.putIfAbsent(belowStore(descriptor.identity().path()), "the identity call");
    for (Scope scope : descriptor.scopes()) {
      calls.putIfAbsent(belowStore(scope.probe().orElseThrow().path()), scope.name() + "'s probe");
    }
    return calls;
  }

  private static String belowStore(String path) {
    String noQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return noQuery.replaceAll("\\{[^}]+}", "1");
  }

}
