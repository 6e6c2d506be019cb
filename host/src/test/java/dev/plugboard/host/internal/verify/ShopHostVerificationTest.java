package dev.plugboard.host.internal.verify;

import dev.plugboard.host.internal.settings.HostSettings;
import static dev.plugboard.host.internal.verify.ShopHostPlatform.HOST;
import static dev.plugboard.host.internal.verify.ShopHostPlatform.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.FormatResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform whose API is on each merchant's own host, {@code https://{shop}.myshopify.com/}, with
 * scopes proven by one listing call: over real TLS to a loopback server standing in for the shop.
 */
final class ShopHostVerificationTest {

  private static final String BASE = "/admin/api/2024-10/";
  private static final String LISTING = BASE + "oauth/access_scopes.json";

  @TempDir Path plugins;
  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> seen = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private ShopHostPlatform platform(Function<RecordedRequest, MockResponse> answers, String... otherHosts)
      throws IOException {
    return platform(UnaryOperator.identity(), answers, otherHosts);
  }

  private ShopHostPlatform platform(UnaryOperator<String> edit, Function<RecordedRequest, MockResponse> answers,
      String... otherHosts) throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        synchronized (seen) {
          seen.add(request);
        }
        return answers.apply(request);
      }
    });
    return new ShopHostPlatform(plugins, server, edit, otherHosts);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("X-Shopify-Shop-Api-Call-Limit", "32/40").body(body).build();
  }

  /** The shop answers; the token lists write_orders (implying read_orders), read_products and write_themes. */
  private static MockResponse shop(RecordedRequest request) {
    String target = request.getTarget();
    if (target.equals(BASE + "shop.json")) {
      return json(200, "{\"shop\":{\"name\":\"Acme\",\"myshopify_domain\":\"acme.myshopify.com\"}}");
    }
    if (target.equals(LISTING)) {
      return json(200, "{\"access_scopes\":[{\"handle\":\"write_orders\"},{\"handle\":\"read_products\"},"
          + "{\"handle\":\"write_themes\"}]}");
    }
    return json(404, "{\"errors\":\"Not Found\"}");
  }

  @Test
  void aShopsOwnHostIsVerifiedWithEveryDeclaredScopeReportedFromOneListingCall() throws IOException {
    try (ShopHostPlatform platform = platform(ShopHostVerificationTest::shop)) {
      VerificationReport report = platform.verify(platform.values());

      assertThat(report.account().display()).isEqualTo("Acme (acme.myshopify.com)");
      assertThat(report.scopes()).extracting(ScopeCheck::id, ScopeCheck::status).containsExactly(
          tuple("read_orders", ScopeCheck.Status.GRANTED),
          tuple("read_products", ScopeCheck.Status.GRANTED),
          tuple("read_customers", ScopeCheck.Status.MISSING));
      assertThat(report.scopes().get(0).evidence().orElseThrow().detail()).contains("implied by write_orders");
      assertThat(report.scopes().get(1).evidence().orElseThrow().detail()).contains("listed: read_products");
      assertThat(report.scopes().get(2).evidence().orElseThrow().detail()).contains("not listed: read_customers");
      assertThat(report.scopes().get(2).remediation())
          .isEqualTo("Give the app the access scope read_customers (Customers: Read). (guide step 2: Set the access scopes)");
      assertThat(report.status()).isEqualTo(VerificationReport.Status.FAILED);
      assertThat(seen).extracting(RecordedRequest::getTarget).filteredOn(LISTING::equals).hasSize(1);
      assertThat(seen).extracting(RecordedRequest::getTarget).allMatch(target -> target.startsWith(BASE),
          "the API version came from its default, 2024-10");
    }
  }

  @Test
  void aListedScopeNobodyAskedForIsAWarningWithItsRemediationNeverAFailure() throws IOException {
    try (ShopHostPlatform platform = platform(request -> request.getTarget().equals(LISTING)
        ? json(200, "{\"access_scopes\":[{\"handle\":\"read_orders\"},{\"handle\":\"read_products\"},"
            + "{\"handle\":\"read_customers\"},{\"handle\":\"write_themes\"}]}")
        : shop(request))) {
      VerificationReport report = platform.verify(platform.values());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(report.problems()).isEmpty();
      assertThat(report.warnings()).singleElement().satisfies(warning -> {
        assertThat(warning.code()).isEqualTo("excess_scopes");
        assertThat(warning.message()).isEqualTo("The app can also use write_themes, which Plugboard does not need.");
        assertThat(warning.remediation())
            .isEqualTo("Remove write_themes from the app's access scopes. (guide step 2: Set the access scopes)");
        assertThat(warning.evidence().orElseThrow().path()).isEqualTo(LISTING);
      });
    }
  }

  @Test
  void aWritePermissionWhereReadWasAskedGrantsTheReadScopeAndIsWarnedAbout() throws IOException {
    try (ShopHostPlatform platform = platform(request -> request.getTarget().equals(LISTING)
        ? json(200, "{\"access_scopes\":[{\"handle\":\"write_orders\"},{\"handle\":\"read_products\"},"
            + "{\"handle\":\"read_customers\"}]}")
        : shop(request))) {
      VerificationReport report = platform.verify(platform.values());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.GRANTED);
      assertThat(report.warnings()).extracting(Problem::message)
          .containsExactly("The app can also use write_orders, which Plugboard does not need.");
    }
  }

  @Test
  void theAccessTokenGoesToTheShopsHostOnlyOverHttpsAndNotAcrossARedirect() throws IOException {
    String other = "evil.myshopify.com";
    try (ShopHostPlatform platform = platform(request -> request.getTarget().equals(LISTING)
        && HOST.equals(request.getHeaders().get("Host"))
        ? new MockResponse.Builder().code(302).setHeader("Location", "https://" + other + "/collect").build()
        : shop(request), other)) {
      VerificationReport report = platform.verify(platform.values());

      assertThat(seen).isNotEmpty();
      for (RecordedRequest request : seen) {
        boolean toShop = HOST.equals(request.getHeaders().get("Host"));
        assertThat(request.getHeaders().get("X-Shopify-Access-Token"))
            .as(request.getHeaders().get("Host") + " " + request.getTarget()).isEqualTo(toShop ? TOKEN : null);
        assertThat(request.getTarget()).doesNotContain(TOKEN);
      }
      // The calls go out together, so only the redirect's own order is fixed: the listing, then its one hop.
      List<String> hosts = seen.stream().map(request -> request.getHeaders().get("Host")).toList();
      assertThat(hosts).as("the redirect was followed once, without the token, then refused")
          .filteredOn(other::equals).hasSize(1);
      int listing = -1;
      for (int i = 0; i < seen.size(); i++) {
        if (seen.get(i).getTarget().equals(LISTING) && HOST.equals(hosts.get(i))) {
          listing = i;
        }
      }
      assertThat(hosts.indexOf(other)).as("the hop after the listing's answer").isGreaterThan(listing);
      assertThat(report.status()).isNotEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(report.toString()).doesNotContain(TOKEN);
    }
  }

  @Test
  void aShopNameThatIsNotOneDnsLabelIsInvalidAndNothingIsSent() throws IOException {
    try (ShopHostPlatform platform = platform(ShopHostVerificationTest::shop)) {
      FormatResult values = platform.values(Map.of("shop", "acme.evil.example/x", "access_token", TOKEN));

      VerificationReport report = platform.verify(values);

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INVALID);
      assertThat(report.fields().get(0).message()).contains("one DNS label");
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void aShopWhoseNameResolvesIntoThePrivateNetworkIsRefusedBeforeAnythingIsSent() throws IOException {
    try (ShopHostPlatform platform = platform(ShopHostVerificationTest::shop)) {
      dev.plugboard.host.internal.settings.HostSettings loopback = new dev.plugboard.host.internal.settings.HostSettings(
          plugins, plugins, List.of(), VerifyOptions.DEFAULT_TIMEOUT, 0,
          host -> List.of(java.net.InetAddress.getByName("10.1.2.3")));
      okhttp3.OkHttpClient client = dev.plugboard.host.internal.http.HttpClients.create();
      VerificationReport report = new Verifier(loopback, client)
          .verify(platform.connector, platform.values(), VerifyOptions.builder().build());
      dev.plugboard.host.internal.http.HttpClients.close(client);

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INVALID);
      assertThat(report.fields().get(0).message())
          .contains("acme.myshopify.com").contains("10.1.2.3").contains("private").contains("--allow-host");
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void aRateLimitAnswerWithAFractionalRetryAfterIsWaitedOutAndTheRunStillVerifies() throws IOException {
    AtomicInteger listings = new AtomicInteger();
    try (ShopHostPlatform platform = platform(request -> {
      if (request.getTarget().equals(LISTING) && listings.getAndIncrement() == 0) {
        return new MockResponse.Builder().code(429).setHeader("Retry-After", "2.0")
            .setHeader("X-Shopify-Shop-Api-Call-Limit", "40/40").body("{\"errors\":\"Exceeded 2 calls per second\"}")
            .build();
      }
      return request.getTarget().equals(LISTING)
          ? json(200, "{\"access_scopes\":[{\"handle\":\"read_orders\"},{\"handle\":\"read_products\"},"
              + "{\"handle\":\"read_customers\"}]}")
          : shop(request);
    })) {
      VerificationReport report = platform.verify(platform.values());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.VERIFIED);
      assertThat(listings).hasValue(2);
    }
  }

  @Test
  void aRetryAfterBeyondTheDeadlineIsReportedAsTheRateLimitWithoutCallingAgain() throws IOException {
    AtomicInteger listings = new AtomicInteger();
    try (ShopHostPlatform platform = platform(request -> {
      if (request.getTarget().equals(LISTING)) {
        listings.incrementAndGet();
        return new MockResponse.Builder().code(429).setHeader("Retry-After", "120.5")
            .setHeader("X-Shopify-Shop-Api-Call-Limit", "40/40").build();
      }
      return shop(request);
    })) {
      VerificationReport report = platform.verify(platform.values(),
          VerifyOptions.builder().retry(MinimalPlatform.FAST_RETRIES).timeout(Duration.ofSeconds(20)).build());

      assertThat(report.status()).isEqualTo(VerificationReport.Status.INCONCLUSIVE);
      assertThat(report.scopes()).extracting(ScopeCheck::status).containsOnly(ScopeCheck.Status.INCONCLUSIVE);
      assertThat(report.problems()).extracting(Problem::message).anyMatch(message -> message.contains("rate limit"));
      assertThat(listings).as("asked to wait two minutes, with 20 s left, Plugboard does not call again").hasValue(1);
    }
  }
}
