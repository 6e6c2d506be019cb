package dev.plugboard.host.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plugboard.host.PluginStatus;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.FormatPhase;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.http.HttpClients;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store on the merchant's own domain, shaped like WooCommerce: HTTP Basic from two fields,
 * answers told apart by their bodies, a platform check, a POST excess call. The store is a
 * MockWebServer on loopback, allowed for the run as {@code --allow-host} would.
 */
final class OwnDomainStoreTest {

  static final String KEY = "ck_canary0key0value0aa";
  static final String SECRET = "cs_canary0secret0value0bb";

  static final String DESCRIPTOR = TestDescriptors.ownDomainStore();
  private static final UnaryOperator<String> AS_WRITTEN = descriptor -> descriptor;

  @TempDir Path plugins;
  @StartStop private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> seen = new ArrayList<>();

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse error(int code, String errorCode, String message) {
    return json(code, "{\"code\":\"" + errorCode + "\",\"message\":\"" + message + "\",\"data\":{\"status\":" + code + "}}");
  }

  /** A store whose key may read everything, and not write (the POST is answered 401). */
  private static MockResponse store(RecordedRequest request) {
    return switch (request.getTarget()) {
      case "/shop/wp-json/wc/v3" -> json(200, "{\"namespace\":\"wc/v3\",\"routes\":{}}");
      case "/shop/wp-json/wc/v3/system_status" -> json(200, "{\"settings\":{\"name\":\"Acme\",\"currency\":\"EUR\"}}");
      case "/shop/wp-json/wc/v3/orders?per_page=1", "/shop/wp-json/wc/v3/products?per_page=1" -> json(200, "[]");
      case "/shop/wp-json/wc/v3/plugboard-permission-check" -> error(401, "woocommerce_rest_authentication_error",
          "The API key provided does not have write permissions.");
      default -> error(404, "rest_no_route", "No route was found matching the URL and request method.");
    };
  }

  private final class Store implements AutoCloseable {
    final PluginRegistry registry;
    final LoadedConnector connector;
    final OkHttpClient client = HttpClients.create();

    Store(UnaryOperator<String> edit, Function<RecordedRequest, MockResponse> answers) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          synchronized (seen) {
            seen.add(request);
          }
          return answers.apply(request);
        }
      });
      TestPluginJar.plugin("ownstore").extension(FixtureConnector.class)
          .file(FixtureConnector.DESCRIPTOR, edit.apply(DESCRIPTOR)).writeTo(plugins);
      registry = PluginRegistry.load(plugins);
      PluginStatus plugin = registry.plugins().get(0);
      connector = plugin.state() == PluginStatus.State.LOADED ? registry.connector("ownstore") : null;
      if (connector == null && edit == AS_WRITTEN) {
        throw new AssertionError("the test connector does not load: " + plugin.problem());
      }
    }

    ExtraHost serverHost() {
      return new ExtraHost(server.getHostName(), server.getPort());
    }

    FormatResult values() {
      AllowedHosts hosts = AllowedHosts.of(List.of(), List.of(serverHost()));
      return FormatPhase.check(connector.descriptor(), Map.of("store_url", server.url("/shop/").toString(),
          "consumer_key", KEY, "consumer_secret", SECRET), hosts);
    }

    VerificationReport verify() {
      return new Verifier(new HostSettings(plugins, plugins, List.of()), client).verify(connector, values(),
          VerifyOptions.builder().retry(MinimalPlatform.FAST_RETRIES).allowHost(serverHost()).build());
    }

    @Override
    public void close() {
      HttpClients.close(client);
      registry.close();
    }
  }

  private Store store(Function<RecordedRequest, MockResponse> answers) {
    return new Store(AS_WRITTEN, answers);
  }

  @Test
  void basicAuthFromTwoFieldsIsSentEncodedNeverAsTheRawKeyAndSecret() throws Exception {
    try (Store store = store(OwnDomainStoreTest::store)) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      String expected = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
      List<RecordedRequest> authenticated = seen.stream()
          .filter(request -> !request.getTarget().equals("/shop/wp-json/wc/v3")).toList();
      assertThat(authenticated).isNotEmpty()
          .allSatisfy(request -> assertThat(request.getHeaders().get("Authorization")).isEqualTo(expected));
      for (RecordedRequest request : seen) {
        assertThat(request.getTarget()).doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(request.getHeaders().toString()).doesNotContain(KEY + ":" + SECRET).doesNotContain(SECRET);
      }
      List<String> canaries = List.of(SECRET, Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
      Canaries.assertNoneIn(report.toString(), canaries);
      Canaries.assertNoneIn(Mappers.output().writeValueAsString(report), canaries);
      Canaries.assertNoneIn(store.values().toString(), canaries);
      Canaries.assertNoneIn(store.values().values().orElseThrow().toString(), canaries);
    }
  }

  @Test
  void oneStatusThreeBodiesAreThreeFindingsEachWithItsOwnRemediation() {
    record Case(String code, String message, String finding, String remediation) {}
    List<Case> cases = List.of(
        new Case("woocommerce_rest_authentication_error", "Consumer secret is invalid.", "wrong_secret",
            "Copy the consumer secret again; it is shown once only. (guide step 3: Copy the keys)"),
        new Case("woocommerce_rest_authentication_error", "The API key provided does not have read permissions.",
            "write_only_key", "Set the key's Permissions to Read. (guide step 2: Set the permission)"),
        new Case("woocommerce_rest_cannot_view", "Sorry, you cannot list resources.", "unknown_key_or_stripped_header",
            "Check the key in REST API; if it is listed, ask the web host to pass the Authorization header through."
                + " (guide step 3: Copy the keys)"));
    for (Case answer : cases) {
      seen.clear();
      try (Store store = store(request -> request.getTarget().equals("/shop/wp-json/wc/v3")
          ? store(request) : error(401, answer.code(), answer.message()))) {
        VerificationReport report = store.verify();

        assertThat(report.status()).as(answer.finding()).isEqualTo(VerificationReport.Status.FAILED);
        assertThat(report.problems()).as(answer.finding()).singleElement().satisfies(problem -> {
          assertThat(problem.code()).isEqualTo(answer.finding());
          assertThat(problem.remediation()).isEqualTo(answer.remediation());
          assertThat(problem.evidence().orElseThrow().status().getAsInt()).isEqualTo(401);
        });
        assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.SKIPPED);
      }
    }
  }

  @Test
  void a403WithABodyRuleIsMissingWithTheDiagnosisRemediationAndOneProblemListingTheScopes() {
    try (Store store = store(request -> request.getTarget().contains("per_page=1")
        ? error(403, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.") : store(request))) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
      assertThat(report.scopes()).extracting(ScopeCheck::name, ScopeCheck::status, ScopeCheck::remediation)
          .containsExactly(
              tuple("Orders", ScopeCheck.Status.MISSING,
                  "Create the key for an Administrator or a Shop Manager. (guide step 2: Set the permission)"),
              tuple("Products", ScopeCheck.Status.MISSING,
                  "Create the key for an Administrator or a Shop Manager. (guide step 2: Set the permission)"));
      assertThat(report.problems()).singleElement().satisfies(problem -> {
        assertThat(problem.code()).isEqualTo("user_lacks_capability");
        assertThat(problem.message()).contains("may not read").contains("Orders").contains("Products");
        assertThat(problem.remediation())
            .isEqualTo("Create the key for an Administrator or a Shop Manager. (guide step 2: Set the permission)");
      });
    }
  }

  @Test
  void anAddressThatIsNotThePlatformFailsItsPlatformCheckAskedWithoutCredentials() {
    try (Store store = store(request -> request.getTarget().equals("/shop/wp-json/wc/v3")
        ? new MockResponse.Builder().code(404).body("<html>Not Found</html>").build() : store(request))) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
      assertThat(report.problems()).extracting(Problem::code).containsExactly("not_a_store");
      assertThat(report.problems().get(0).remediation())
          .isEqualTo("Copy the address of the store from your browser. (guide step 1: Open REST API)");
      RecordedRequest check = seen.stream().filter(r -> r.getTarget().equals("/shop/wp-json/wc/v3")).findFirst().orElseThrow();
      assertThat(check.getHeaders().get("Authorization")).isNull();
    }
  }

  @Test
  void thePlatformChecksValuesGoIntoTheAccountAndItCarriesNoCredential() {
    try (Store store = store(OwnDomainStoreTest::store)) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(report.account().values()).containsEntry("namespace", "wc/v3").containsEntry("currency", "EUR");
      RecordedRequest check = seen.stream().filter(r -> r.getTarget().equals("/shop/wp-json/wc/v3")).findFirst().orElseThrow();
      assertThat(check.getHeaders().get("Authorization")).isNull();
    }
  }

  @Test
  void aPostExcessCallIsSentWithAnEmptyBodyAndAWriteCapableKeyIsAWarningNotAFailure() {
    try (Store store = store(request -> request.getTarget().equals("/shop/wp-json/wc/v3/plugboard-permission-check")
        ? error(404, "rest_no_route", "No route was found matching the URL and request method.") : store(request))) {
      VerificationReport report = store.verify();

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(report.warnings()).singleElement().satisfies(warning -> {
        assertThat(warning.code()).isEqualTo("key_can_write");
        assertThat(warning.message()).isEqualTo("The key can also write to the store.");
        assertThat(warning.remediation()).isEqualTo("Set the key's Permissions to Read. (guide step 2: Set the permission)");
      });
      RecordedRequest post = seen.stream().filter(r -> r.getMethod().equals("POST")).findFirst().orElseThrow();
      assertThat(post.getTarget()).isEqualTo("/shop/wp-json/wc/v3/plugboard-permission-check");
      assertThat(post.getBody().size()).isZero();
      assertThat(seen).filteredOn(r -> !r.getMethod().equals("GET")).hasSize(1);
    }
  }

  @Test
  void aKeyThatCannotWriteRaisesNoWarning() {
    try (Store store = store(OwnDomainStoreTest::store)) {
      assertThat(store.verify().warnings()).isEmpty();
    }
  }

  @Test
  void aCallThatIsNotGetOrHeadWithoutSideEffectFreeFailsThePluginAtLoadSayingWhy() {
    try (Store store = new Store(descriptor -> descriptor.replace(
        "      sideEffectFree: No such route exists, and the store checks the key before routing.\n", "")
        .replace("    probe: {path: 'wc/v3/orders?per_page=1', granted: [200]}",
            "    probe: {method: DELETE, path: 'wc/v3/orders/1', granted: [200]}"), OwnDomainStoreTest::store)) {
      assertThat(store.connector).isNull();
      PluginStatus plugin = store.registry.plugins().get(0);
      assertThat(plugin.state()).isEqualTo(PluginStatus.State.FAILED);
      assertThat(plugin.problem()).contains("POST").contains("DELETE").contains("sideEffectFree");
      assertThat(seen).isEmpty();
    }
  }
}
