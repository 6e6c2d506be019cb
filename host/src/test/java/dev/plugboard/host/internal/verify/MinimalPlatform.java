package dev.plugboard.host.internal.verify;

import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.FormatPhase;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.http.HttpClients;
import dev.plugboard.host.internal.http.RetryPolicy;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * The minimal test connector (two scopes, Orders and Customers) as a real plugin jar, pointed
 * at a MockWebServer, with the verification engine over a real HTTP client. Close it after use.
 */
final class MinimalPlatform implements AutoCloseable {

  static final String TOKEN = "canary0token0value0zz";
  static final RetryPolicy FAST_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5));

  private final PluginRegistry registry;
  private final MockWebServer server;
  private final OkHttpClient client = HttpClients.create();
  final LoadedConnector connector;

  /** The minimal descriptor, changed by {@code edit}, loaded from a jar written into {@code pluginsDir}. */
  MinimalPlatform(Path pluginsDir, MockWebServer server, UnaryOperator<String> edit) {
    this.server = server;
    TestPluginJar.plugin("minimal").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, edit.apply(TestDescriptors.minimal("minimal")))
        .writeTo(pluginsDir);
    this.registry = PluginRegistry.load(pluginsDir);
    this.connector = registry.connector("minimal");
  }

  MinimalPlatform(Path pluginsDir, MockWebServer server) {
    this(pluginsDir, server, UnaryOperator.identity());
  }

  /** Answers each request with what {@code answers} gives for its path and query ({@code /accounts/acme/me}). */
  static Dispatcher answering(Function<String, MockResponse> answers) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answers.apply(request.getTarget());
      }
    };
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }

  /** The usual happy answers: token accepted, account Acme, both scopes granted. */
  static MockResponse happy(String target) {
    return switch (target) {
      case "/accounts/acme/account" -> json("{\"name\":\"Acme\",\"id\":\"acme-1\"}");
      case "/accounts/acme/me", "/accounts/acme/orders?limit=1", "/accounts/acme/customers?limit=1" -> json("{}");
      default -> status(404);
    };
  }

  /** The server's address and {@link #TOKEN}, through the format phase. */
  FormatResult values() {
    return values(TOKEN);
  }

  FormatResult values(String token) {
    return values(server.url("/accounts/acme/").toString(), token, serverHost());
  }

  /** Values through the real format phase, with {@code allowed} (a loopback address) on the allow-list. */
  FormatResult values(String apiUrl, String token, ExtraHost allowed) {
    AllowedHosts hosts = AllowedHosts.of(connector.descriptor().http().allowedHosts(), List.of(allowed));
    return FormatPhase.check(connector.descriptor(), Map.of("api_url", apiUrl, "token", token), hosts);
  }

  VerifyOptions.Builder options() {
    return VerifyOptions.builder().retry(FAST_RETRIES).allowHost(serverHost());
  }

  private ExtraHost serverHost() {
    return new ExtraHost(server.getHostName(), server.getPort());
  }

  VerificationReport verify() {
    return verify(options().build());
  }

  VerificationReport verify(VerifyOptions options) {
    return verify(values(), options);
  }

  VerificationReport verify(FormatResult values, VerifyOptions options) {
    return verifier().verify(connector, values, options);
  }

  Verifier verifier() {
    return new Verifier(new HostSettings(registry.pluginsDir(), registry.pluginsDir(), List.of()), client);
  }

  /** The calls the HTTP client's dispatcher is running now. */
  int callsRunning() {
    return client.dispatcher().runningCallsCount();
  }

  @Override
  public void close() {
    HttpClients.close(client);
    registry.close();
  }
}
