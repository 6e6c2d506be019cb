package dev.plugboard.bigcommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.sandbox.SandboxFault;
import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.bigcommerce.BigCommerceSandboxFixture;
import dev.plugboard.host.internal.json.Mappers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The sandbox answers as BigCommerce does (notes §3, §4), over real HTTP on 127.0.0.1. */
final class BigCommerceSandboxTest {

  private static final String MISSING_SCOPE_BODY = "{\"status\":403,\"title\":\"You don't have a required scope to"
      + " access the endpoint\",\"type\":\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\","
      + "\"errors\":{}}";

  @TempDir Path plugins;
  private final HttpClient http = HttpClient.newHttpClient();
  private SandboxInstance sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void theSandboxKnowsExactlyTheScopesTheDescriptorDeclaresAndGuardsEachOfThem() {
    ConnectorDescriptor descriptor;
    try (BigCommerceSandboxFixture store = BigCommerceSandboxFixture.start(plugins, SandboxOptions.defaults())) {
      descriptor = store.descriptor();
    }

    assertThat(Arrays.stream(StoreScope.values()).map(scope -> scope.label + " " + scope.id))
        .containsExactlyElementsOf(descriptor.scopes().stream().map(scope -> scope.name() + " " + scope.id()).toList());
    assertThat(Routes.guardedScopes()).containsExactlyInAnyOrder(StoreScope.values());
  }

  @Test
  void theOfferedValuesLookLikeARealApiAccountPointingAtTheSandbox() {
    ConnectorDescriptor descriptor;
    Map<String, String> values;
    try (BigCommerceSandboxFixture store = BigCommerceSandboxFixture.start(plugins, SandboxOptions.defaults())) {
      descriptor = store.descriptor();
      values = store.sandbox().defaults();
      assertThat(values.get("api_path")).matches("http://127\\.0\\.0\\.1:" + store.sandbox().extraHost().port()
          + "/stores/[a-z0-9]{10}/v3/");
    }
    assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(descriptor.fields().stream().map(Field::id).toList());
    for (Field field : descriptor.fields()) {
      String value = values.get(field.id());
      String checked = field.id().equals("api_path") ? URI.create(value).getPath() : value;
      assertThat(checked).as(field.id()).matches(Pattern.compile(field.pattern().orElseThrow()));
      field.advisory().ifPresent(advisory ->
          assertThat(value).as(field.id() + " looks as usual").matches(Pattern.compile(advisory.pattern())));
    }
  }

  @Test
  void eachScopeGuardsItsWholeResourceAsTheScopeTablesSayNotJustTheProbe() throws Exception {
    List<Object[]> table = List.of(
        row("v2/store", "Information & Settings", 200),
        row("v2/orders/count", "Orders", 200),
        row("v2/orders?limit=1", "Orders", 204),
        row("v2/order_statuses", "Orders", 200),
        row("v2/coupons/count", "Marketing", 200),
        row("v3/promotions?limit=1", "Marketing", 200),
        row("v3/content/pages?limit=1", "Content", 200),
        row("v3/content/widgets?limit=1", "Content", 200),
        row("v2/blog/posts/count", "Content", 200),
        row("v3/customers?limit=1", "Customers", 200),
        row("v3/catalog/products?limit=1", "Products", 200),
        row("v3/catalog/summary", "Products", 200),
        row("v3/channels?limit=1", "Channel Settings", 200),
        row("v3/channels/1/listings?limit=1", "Channel Listings", 200),
        row("v3/sites?limit=1", "Sites & Routes", 200),
        row("v3/orders/1/transactions", "Order Transactions", 404),
        row("v3/payments/methods?order_id=1", "Get Payment Methods", 404),
        row("v3/checkouts/00000000-0000-0000-0000-000000000000", "Checkouts", 404),
        row("v3/inventory/items?limit=1", "Store Inventory", 200));
    for (Object[] row : table) {
      String path = (String) row[0];
      String scope = (String) row[1];
      start(SandboxOptions.builder().grant(scope).build());
      assertThat(get(path).statusCode()).as(path + " with only " + scope).isEqualTo(row[2]);
      sandbox.close();
      start(SandboxOptions.builder().grant(everyScopeBut(scope)).build());
      HttpResponse<String> refused = get(path);
      assertThat(refused.statusCode()).as(path + " without " + scope).isEqualTo(403);
      assertThat(refused.body()).isEqualTo(MISSING_SCOPE_BODY);
      sandbox.close();
    }
  }

  @Test
  void theTimeNeedsNoScope() throws Exception {
    start(SandboxOptions.builder().grant().build());

    HttpResponse<String> time = get("v2/time");

    assertThat(time.statusCode()).isEqualTo(200);
    assertThat(time.body()).matches("\\{\"time\":\\d+}");
  }

  @Test
  void theStoreInformationIsShapedLikeBigCommercesAndNamesTheStore() throws Exception {
    start(SandboxOptions.defaults());

    HttpResponse<String> store = get("v2/store");

    assertThat(store.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode json = Mappers.strictJson().readTree(store.body());
    assertThat(json.get("id").asString()).isEqualTo(storeHash());
    assertThat(json.get("name").asString()).isEqualTo("Acceptance Outfitters");
    assertThat(json.get("domain").asString()).isEqualTo("acceptance-outfitters.example");
    assertThat(json.get("currency").asString()).isEqualTo("USD");
    assertThat(json.at("/timezone/name").asString()).isEqualTo("America/Chicago");
    assertThat(json.get("default_channel_id").asInt()).isEqualTo(1);
  }

  @Test
  void anUnknownStoreHashIsRefusedEverywhereWithTheMissingScopeBody() throws Exception {
    start(SandboxOptions.defaults());

    for (String path : List.of("v2/time", "v2/store", "v3/catalog/products")) {
      HttpResponse<String> response = send(URI.create(base().replace(storeHash(), "abc123") + path), token());
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).isEqualTo(MISSING_SCOPE_BODY);
    }
  }

  @Test
  void aWrongOrMissingTokenIsAnswered401() throws Exception {
    start(SandboxOptions.defaults());

    assertThat(send(URI.create(base() + "v2/time"), "0123456789abcdefghijklmnopqrstu").statusCode()).isEqualTo(401);
    assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "v2/time")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  @Test
  void aTrailingSlashIsRefusedAsBigCommerceDoes() throws Exception {
    start(SandboxOptions.defaults());

    assertThat(get("v3/catalog/products/").statusCode()).isEqualTo(403);
  }

  @Test
  void theSandboxIsReadOnly() throws Exception {
    start(SandboxOptions.defaults());

    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base() + "v3/catalog/products"))
        .header("X-Auth-Token", token()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void everyAnswerReportsTheRateLimitAndPastTheQuotaItAnswers429() throws Exception {
    start(SandboxOptions.builder().quota(2, Duration.ofMinutes(1)).build());

    HttpResponse<String> first = get("v2/time");
    HttpResponse<String> second = get("v2/time");
    HttpResponse<String> third = get("v2/time");

    assertThat(first.headers().firstValue("X-Rate-Limit-Requests-Left")).hasValue("1");
    assertThat(second.headers().firstValue("X-Rate-Limit-Requests-Left")).hasValue("0");
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("X-Rate-Limit-Requests-Quota")).hasValue("2");
    assertThat(third.headers().firstValue("X-Rate-Limit-Time-Window-Ms")).hasValue("60000");
    assertThat(third.headers().firstValue("X-Rate-Limit-Requests-Left")).hasValue("0");
    assertThat(third.headers().firstValue("X-Rate-Limit-Time-Reset-Ms").map(Long::parseLong)).hasValueSatisfying(
        resetMs -> assertThat(resetMs).isBetween(1L, 60_000L));
    assertThat(third.headers().firstValue("X-Retry-After")).isPresent();
  }

  @Test
  void serverErrorsArePlayedTheGivenNumberOfTimesOnEachPath() throws Exception {
    start(SandboxOptions.builder().fault(new SandboxFault.ServerError(502, 2, Set.of())).build());

    assertThat(List.of(get("v2/time").statusCode(), get("v2/time").statusCode(), get("v2/time").statusCode(),
        get("v2/store").statusCode())).containsExactly(502, 502, 200, 502);
  }

  @Test
  void aResetConnectionGetsNoAnswerAndIsLogged() throws Exception {
    start(SandboxOptions.builder().fault(new SandboxFault.ConnectionReset(1, Set.of("Orders"))).build());

    OkHttpClient noRetries = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    Request ordersCount = new Request.Builder().url(base() + "v2/orders/count")
        .header("X-Auth-Token", token()).build();
    assertThatThrownBy(() -> noRetries.newCall(ordersCount).execute()).isInstanceOf(IOException.class);
    assertThat(get("v2/orders/count").statusCode()).isEqualTo(200);
    assertThat(get("v2/time").statusCode()).as("another scope's path").isEqualTo(200);
    assertThat(sandbox.exchanges()).extracting(SandboxInstance.Exchange::status).containsExactly(0, 200, 200);
  }

  @Test
  void anUnknownScopeIsRefusedListingTheScopesThereAre() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BigCommerceSandbox().start(SandboxOptions.builder().grant("Ordres").build()))
        .withMessageStartingWith("BigCommerce has no scope Ordres; the scopes are Content, Customers,");
  }

  @Test
  void scopesMayBeNamedByTheirIdsToo() throws Exception {
    start(SandboxOptions.builder().grant("store_v2_orders_read_only").build());

    assertThat(get("v2/orders/count").statusCode()).isEqualTo(200);
    assertThat(get("v3/customers").statusCode()).isEqualTo(403);
  }

  @Test
  void itsNameShowsNoSecret() {
    start(SandboxOptions.defaults());

    assertThat(sandbox.toString()).isEqualTo("BigCommerce sandbox on " + sandbox.address()).doesNotContain(token());
  }

  private void start(SandboxOptions options) {
    sandbox = new BigCommerceSandbox().start(options);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(URI.create(base() + path), token());
  }

  private HttpResponse<String> send(URI uri, String token) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).header("X-Auth-Token", token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code http://127.0.0.1:PORT/stores/HASH/}: the API Path without its {@code v3/}. */
  private String base() {
    String apiPath = sandbox.values().get("api_path");
    return apiPath.substring(0, apiPath.length() - "v3/".length());
  }

  private String storeHash() {
    return base().replaceAll(".*/stores/([^/]+)/$", "$1");
  }

  private String token() {
    return sandbox.values().get("access_token");
  }

  private static Object[] row(String path, String scope, int status) {
    return new Object[] {path, scope, status};
  }

  private static List<String> everyScopeBut(String scope) {
    return Arrays.stream(StoreScope.values()).map(s -> s.label).filter(label -> !label.equals(scope)).toList();
  }
}
