package dev.plugboard.api.sandbox.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.api.sandbox.SandboxFault;
import dev.plugboard.api.sandbox.SandboxInstance.Exchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kit's server over real loopback HTTP, with a made-up platform: "orders" paths are on the
 * scope "Orders" (key {@code ORDERS}), every other path on none.
 */
final class SandboxServerTest {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicReference<SandboxRequest> lastSeen = new AtomicReference<>();
  private SandboxServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theAnswerIsThePlatformsAndTheExchangeIsLoggedAsThePlatformLetsIt() throws Exception {
    start(List.of());

    HttpResponse<String> response = get("/orders?token=secret-value&page=2", "X-Key", "k1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"orders\":[]}");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.headers().firstValue("X-Total")).contains("0");
    assertThat(lastSeen.get().header("x-key")).contains("k1");
    assertThat(lastSeen.get().query()).containsEntry("token", "secret-value").containsEntry("page", "2");
    assertThat(server.exchanges()).containsExactly(new Exchange("GET", "/orders?token=[redacted]&page=2", 200));
    assertThat(lastSeen.get().toString()).isEqualTo("GET /orders").doesNotContain("secret");
  }

  @Test
  void aPlannedServerErrorIsPlayedOnItsScopesPathsTheGivenNumberOfTimesThenThePlatformAnswers() throws Exception {
    start(List.of(new SandboxFault.ServerError(503, 2, Set.of("orders"))));

    assertThat(get("/products").statusCode()).isEqualTo(200);
    assertThat(get("/orders").statusCode()).isEqualTo(503);
    assertThat(get("/orders").body()).isEqualTo("down 503");
    assertThat(get("/orders").statusCode()).isEqualTo(200);
    assertThat(server.exchanges()).extracting(Exchange::status).containsExactly(200, 503, 503, 200);
  }

  @Test
  void aPlannedResetDropsTheConnectionWithoutAnAnswerAndIsLoggedAsStatusZero() throws Exception {
    start(List.of(new SandboxFault.ConnectionReset(Integer.MAX_VALUE, Set.of())));

    assertThatThrownBy(() -> get("/products")).isInstanceOf(IOException.class);
    // The JDK's client tries an idempotent request once more after a reset: every try is logged so.
    assertThat(server.exchanges()).isNotEmpty().containsOnly(new Exchange("GET", "/products", 0));
  }

  @Test
  void headGetsTheStatusAndHeadersWithoutTheBody() throws Exception {
    start(List.of());

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/products")).method("HEAD",
        HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("X-Total")).contains("0");
  }

  @Test
  void aDelayOnOneScopeHoldsOnlyThatScopesAnswersWhichTheLogShowsLast() throws Exception {
    start(List.of(new SandboxFault.Delay(Duration.ofMillis(700), Set.of("Orders"))));

    var slow = client.sendAsync(HttpRequest.newBuilder(uri("/orders")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get("/products").statusCode()).isEqualTo(200);
    assertThat(slow.get().statusCode()).isEqualTo(200);

    assertThat(server.exchanges()).extracting(Exchange::path).containsExactly("/products", "/orders");
  }

  @Test
  void itListensOnLoopbackAndAfterCloseNoLonger() throws Exception {
    start(List.of());
    assertThat(server.host()).isEqualTo("127.0.0.1");
    assertThat(server.address()).isEqualTo("127.0.0.1:" + server.port());
    assertThat(server.toString()).isEqualTo("Shop sandbox on " + server.address());

    server.close();

    assertThatThrownBy(() -> get("/products")).isInstanceOf(IOException.class);
  }

  private void start(List<SandboxFault> faults) {
    FaultPlan plan = new FaultPlan(faults, SandboxServerTest::scopeKey);
    server = SandboxServer.start("Shop", Duration.ZERO, plan, new SandboxServer.Platform() {
      @Override
      public Optional<String> scopeOf(SandboxRequest request) {
        return request.rawPath().startsWith("/orders") ? Optional.of("ORDERS") : Optional.empty();
      }

      @Override
      public SandboxReply answer(SandboxRequest request) {
        lastSeen.set(request);
        String body = request.rawPath().startsWith("/orders") ? "{\"orders\":[]}" : "{\"products\":[]}";
        return SandboxReply.json(200, body).withHeader("X-Total", "0");
      }

      @Override
      public SandboxReply serverError(int status) {
        return new SandboxReply(status, "down " + status, "text/plain", java.util.Map.of());
      }

      @Override
      public String logged(SandboxRequest request) {
        return request.pathAndQuery().replaceAll("token=[^&]*", "token=[redacted]");
      }
    });
  }

  static String scopeKey(String name) {
    if (!name.equalsIgnoreCase("orders")) {
      throw new IllegalArgumentException("Shop has no scope " + name + "; the scopes are Orders");
    }
    return name.toUpperCase(Locale.ROOT);
  }

  private HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://" + server.address() + pathAndQuery);
  }
}
