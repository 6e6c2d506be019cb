package dev.plugboard.woocommerce.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.api.sandbox.SandboxFault;
import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.internal.json.Mappers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sandbox answers as WooCommerce does (notes §3, §4), over real HTTP on 127.0.0.1. */
final class WooCommerceSandboxTest {

  private static final List<String> RESOURCE_PATHS = List.of("orders", "products", "customers", "coupons",
      "reports/sales", "payment_gateways", "taxes", "refunds");
  private static final String CANNOT_VIEW = "{\"code\":\"woocommerce_rest_cannot_view\","
      + "\"message\":\"Sorry, you cannot list resources.\",\"data\":{\"status\":%d}}";

  private final HttpClient http = HttpClient.newHttpClient();
  private SandboxInstance sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void theOfferedValuesAreTheStoreOnLoopbackAndAReadKeyShapedLikeWooCommercesMadeFreshEachTime() {
    start(SandboxOptions.defaults());
    Map<String, String> first = sandbox.values();
    SandboxInstance other = new WooCommerceSandbox().start(SandboxOptions.defaults());
    Map<String, String> second;
    try {
      second = other.values();
    } finally {
      other.close();
    }

    assertThat(first).containsOnlyKeys("store_url", "consumer_key", "consumer_secret");
    assertThat(first.get("store_url")).isEqualTo("http://127.0.0.1:" + sandbox.port());
    assertThat(first.get("consumer_key")).matches("ck_[0-9a-f]{40}");
    assertThat(first.get("consumer_secret")).matches("cs_[0-9a-f]{40}");
    assertThat(second.get("consumer_key")).isNotEqualTo(first.get("consumer_key"));
    assertThat(second.get("consumer_secret")).isNotEqualTo(first.get("consumer_secret"));
  }

  @Test
  void theSandboxKeysAreShapedLikeWooCommercesAndHideTheirSecretWhenPrinted() {
    for (SandboxKeys.KeyPair pair : List.of(SandboxKeys.READ_WRITE, SandboxKeys.WRITE_ONLY, SandboxKeys.CUSTOMER_USER,
        SandboxKeys.UNKNOWN)) {
      assertThat(pair.consumerKey()).matches("ck_[0-9a-f]{40}");
      assertThat(pair.consumerSecret()).matches("cs_[0-9a-f]{40}");
      assertThat(pair.toString()).isEqualTo("KeyPair[…" + pair.consumerKey().substring(36) + "]")
          .doesNotContain(pair.consumerSecret());
    }
    assertThat(SandboxKeys.WRONG_SECRET).matches("cs_[0-9a-f]{40}");
  }

  @Test
  void theReadKeyListsEveryResourceOfTheEmptyStore() throws Exception {
    start(SandboxOptions.defaults());

    for (String path : List.of("orders", "products", "customers", "coupons", "taxes", "refunds")) {
      HttpResponse<String> list = get("wc/v3/" + path + "?per_page=1", readKey());
      assertThat(list.statusCode()).as(path).isEqualTo(200);
      assertThat(list.body()).as(path).isEqualTo("[]");
      assertThat(list.headers().firstValue("X-WP-Total")).as(path).hasValue("0");
    }
    JsonNode sales = json(get("wc/v3/reports/sales?per_page=1", readKey()));
    assertThat(sales.get(0).get("total_sales").asString()).isEqualTo("0.00");
    JsonNode gateways = json(get("wc/v3/payment_gateways?per_page=1", readKey()));
    assertThat(gateways.valueStream().map(gateway -> gateway.get("id").asString())).containsExactly("bacs", "cheque", "cod");
  }

  @Test
  void theSystemStatusGivesTheWooCommerceVersionAndTheCurrency() throws Exception {
    start(SandboxOptions.defaults());

    HttpResponse<String> status = get("wc/v3/system_status?_fields=environment,settings", readKey());

    assertThat(status.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
    JsonNode json = json(status);
    assertThat(json.at("/environment/version").asString()).isEqualTo("11.1.0");
    assertThat(json.at("/settings/currency").asString()).isEqualTo("USD");
    assertThat(json.at("/environment/site_url").asString()).isEqualTo(sandbox.values().get("store_url"));
  }

  @Test
  void theWordPressIndexNamesTheStoreAndItsTimeZoneWithoutAKeyAndListsWooCommerce() throws Exception {
    start(SandboxOptions.defaults());

    JsonNode index = json(get("?_fields=name,url,timezone_string,routes./wc/v3", null));
    JsonNode whole = json(get("", null));

    assertThat(index.propertyNames()).containsExactly("name", "url", "timezone_string", "routes");
    assertThat(index.get("name").asString()).isEqualTo("Acceptance Outfitters");
    assertThat(index.get("url").asString()).isEqualTo(sandbox.values().get("store_url"));
    assertThat(index.get("timezone_string").asString()).isEqualTo("America/Chicago");
    assertThat(index.get("routes").propertyNames()).containsExactly("/wc/v3");
    assertThat(index.at("/routes/~1wc~1v3/namespace").asString()).isEqualTo("wc/v3");
    assertThat(whole.get("namespaces").valueStream().map(JsonNode::asString)).contains("wc/v3", "wp/v2");
    assertThat(whole.get("routes").propertyNames()).contains("/", "/wc/v3", "/wp/v2");
  }

  @Test
  void sinceWooCommerce11OneAValidKeyIsRefusedOnTheWordPressIndex() throws Exception {
    start(SandboxOptions.defaults());

    HttpResponse<String> index = get("", readKey());

    assertThat(index.statusCode()).isEqualTo(401);
    assertThat(index.body()).isEqualTo("{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"The provided"
        + " API key cannot be used to access this endpoint.\",\"data\":{\"status\":401}}");
  }

  @Test
  void theNamespaceIndexAnswersWithoutAKey() throws Exception {
    start(SandboxOptions.defaults());

    HttpResponse<String> index = get("wc/v3", null);

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(json(index).get("namespace").asString()).isEqualTo("wc/v3");
  }

  @Test
  void aKnownKeyWithAnotherSecretIsRefusedSayingTheSecretIsInvalid() throws Exception {
    start(SandboxOptions.defaults());

    HttpResponse<String> refused = get("wc/v3/orders?per_page=1",
        new SandboxKeys.KeyPair(readKey().consumerKey(), SandboxKeys.WRONG_SECRET));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).isEqualTo("{\"code\":\"woocommerce_rest_authentication_error\","
        + "\"message\":\"Consumer secret is invalid.\",\"data\":{\"status\":401}}");
  }

  @Test
  void aWriteOnlyKeyIsRefusedOnEveryReadSayingItHasNoReadPermissions() throws Exception {
    start(SandboxOptions.defaults());

    for (String path : List.of("wc/v3/system_status", "wc/v3/orders?per_page=1", "wc/v3")) {
      HttpResponse<String> refused = get(path, SandboxKeys.WRITE_ONLY);
      assertThat(refused.statusCode()).as(path).isEqualTo(401);
      assertThat(refused.body()).as(path).isEqualTo("{\"code\":\"woocommerce_rest_authentication_error\","
          + "\"message\":\"The API key provided does not have read permissions.\",\"data\":{\"status\":401}}");
    }
  }

  @Test
  void anUnknownKeyAndNoKeyAtAllAreAnsweredAlikeAsAVisitor() throws Exception {
    start(SandboxOptions.defaults());

    HttpResponse<String> unknown = get("wc/v3/system_status", SandboxKeys.UNKNOWN);
    HttpResponse<String> none = get("wc/v3/system_status", null);

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(CANNOT_VIEW.formatted(401));
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).isEqualTo(unknown.body());
  }

  @Test
  void behindAWebHostThatStripsTheAuthorizationHeaderTheGoodKeyIsAnsweredAsAnUnknownOne() throws Exception {
    start(SandboxOptions.defaults());
    String site = sandbox.values().get("store_url") + "/strips-authorization";

    HttpResponse<String> stripped = send("GET", URI.create(site + "/wp-json/wc/v3/orders?per_page=1"), readKey());
    HttpResponse<String> index = send("GET", URI.create(site + "/wp-json/wc/v3"), null);

    assertThat(stripped.statusCode()).isEqualTo(401);
    assertThat(stripped.body()).isEqualTo(CANNOT_VIEW.formatted(401));
    assertThat(index.statusCode()).as("it is a store all the same").isEqualTo(200);
  }

  @Test
  void aKeyOfAUserWhoIsACustomerAuthenticatesButMayListNothing() throws Exception {
    start(SandboxOptions.defaults());

    for (String path : RESOURCE_PATHS) {
      HttpResponse<String> refused = get("wc/v3/" + path + "?per_page=1", SandboxKeys.CUSTOMER_USER);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(refused.body()).as(path).isEqualTo(CANNOT_VIEW.formatted(403));
    }
    assertThat(get("wc/v3/system_status", SandboxKeys.CUSTOMER_USER).statusCode()).isEqualTo(403);
  }

  @Test
  void withheldResourcesAnswerAsToAUserLackingTheirCapabilityAndTheRestAnswerNormally() throws Exception {
    start(SandboxOptions.builder().grant("Orders", "reports/sales").build());

    for (String path : RESOURCE_PATHS) {
      HttpResponse<String> answer = get("wc/v3/" + path + "?per_page=1", readKey());
      int expected = path.equals("orders") || path.equals("reports/sales") ? 200 : 403;
      assertThat(answer.statusCode()).as(path).isEqualTo(expected);
      if (expected == 403) {
        assertThat(answer.body()).as(path).isEqualTo(CANNOT_VIEW.formatted(403));
      }
    }
    assertThat(get("wc/v3/system_status", readKey()).statusCode()).as("not a resource of the table").isEqualTo(200);
  }

  @Test
  void eachResourceGuardsItsWholeRouteNotJustTheListing() throws Exception {
    Map<String, String> routes = Map.of("orders/12", "Orders", "orders/12/refunds", "Refunds", "products/7", "Products",
        "customers/3", "Customers", "coupons/5", "Coupons", "reports", "Sales reports", "payment_gateways/bacs",
        "Payment gateways", "taxes/2", "Taxes");
    for (Map.Entry<String, String> route : routes.entrySet()) {
      start(SandboxOptions.builder().grant(everyResourceBut(route.getValue())).build());
      assertThat(get("wc/v3/" + route.getKey(), readKey()).statusCode()).as(route.getKey()).isEqualTo(403);
      sandbox.close();
      start(SandboxOptions.builder().grant(route.getValue()).build());
      assertThat(get("wc/v3/" + route.getKey(), readKey()).statusCode()).as(route.getKey()).isIn(200, 404);
      sandbox.close();
    }
  }

  @Test
  void aPostToARouteThatDoesNotExistTellsAReadKeyFromOneThatMayWriteAndChangesNothing() throws Exception {
    start(SandboxOptions.defaults());
    URI nowhere = URI.create(sandbox.values().get("store_url") + "/wp-json/wc/v3/plugboard-permission-check");

    HttpResponse<String> read = send("POST", nowhere, readKey());
    HttpResponse<String> readWrite = send("POST", nowhere, SandboxKeys.READ_WRITE);

    assertThat(read.statusCode()).isEqualTo(401);
    assertThat(read.body()).isEqualTo("{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"The API key"
        + " provided does not have write permissions.\",\"data\":{\"status\":401}}");
    assertThat(readWrite.statusCode()).isEqualTo(404);
    assertThat(readWrite.body()).isEqualTo("{\"code\":\"rest_no_route\",\"message\":\"No route was found matching the"
        + " URL and request method.\",\"data\":{\"status\":404}}");
    assertThat(get("wc/v3/orders", readKey()).body()).isEqualTo("[]");
  }

  @Test
  void theSandboxStoreIsReadOnlyEvenForAKeyThatMayWrite() throws Exception {
    start(SandboxOptions.defaults());

    HttpResponse<String> post = send("POST", URI.create(sandbox.values().get("store_url") + "/wp-json/wc/v3/orders"),
        SandboxKeys.READ_WRITE);

    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(json(post).get("code").asString()).isEqualTo("woocommerce_rest_sandbox_read_only");
  }

  @Test
  void aWordPressSiteWithoutWooCommerceHasNoWooCommerceRoutesAndDoesNotListThem() throws Exception {
    start(SandboxOptions.defaults());
    String blog = sandbox.values().get("store_url") + "/blog";

    HttpResponse<String> namespace = send("GET", URI.create(blog + "/wp-json/wc/v3"), null);
    HttpResponse<String> orders = send("GET", URI.create(blog + "/wp-json/wc/v3/orders"), readKey());
    JsonNode index = json(send("GET", URI.create(blog + "/wp-json/?_fields=name,namespaces,routes./wc/v3"), readKey()));

    assertThat(namespace.statusCode()).isEqualTo(404);
    assertThat(json(namespace).get("code").asString()).isEqualTo("rest_no_route");
    assertThat(orders.statusCode()).isEqualTo(404);
    assertThat(index.get("namespaces").valueStream().map(JsonNode::asString)).contains("wp/v2").doesNotContain("wc/v3");
    assertThat(index.get("routes").isEmpty()).as("no /wc/v3 route").isTrue();
  }

  @Test
  void anAddressOutsideTheRestApiIsTheWebServersOwnPage() throws Exception {
    start(SandboxOptions.defaults());

    HttpResponse<String> page = send("GET", URI.create(sandbox.values().get("store_url") + "/nothing/wp-json/"), null);

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
  }

  @Test
  void theStoreAnswersInASubFolderTooWithThatFolderInItsAddresses() throws Exception {
    start(SandboxOptions.defaults());
    String shop = sandbox.values().get("store_url") + "/shop";

    HttpResponse<String> orders = send("GET", URI.create(shop + "/wp-json/wc/v3/orders?per_page=1"), readKey());
    JsonNode index = json(send("GET", URI.create(shop + "/wp-json/?_fields=url"), null));

    assertThat(orders.statusCode()).isEqualTo(200);
    assertThat(index.get("url").asString()).isEqualTo(shop);
  }

  @Test
  void underTheUnknownAccountFaultTheOfferedAddressIsTheSiteWithoutWooCommerce() throws Exception {
    start(SandboxOptions.builder().fault(new SandboxFault.UnknownAccount()).build());

    assertThat(sandbox.values().get("store_url")).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/blog");
    assertThat(get("wc/v3", null).statusCode()).isEqualTo(404);
  }

  @Test
  void underTheRejectTokenFaultEveryKeyIsUnknownToTheStore() throws Exception {
    start(SandboxOptions.builder().fault(new SandboxFault.RejectToken()).build());

    for (SandboxKeys.KeyPair key : List.of(readKey(), SandboxKeys.READ_WRITE)) {
      HttpResponse<String> refused = get("wc/v3/system_status", key);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.body()).isEqualTo(CANNOT_VIEW.formatted(401));
    }
  }

  @Test
  void keysGivenAsQueryParametersAreTakenAsWooCommerceDoesButNeverLogged() throws Exception {
    start(SandboxOptions.defaults());

    HttpResponse<String> answer = get("wc/v3/orders?consumer_key=" + readKey().consumerKey() + "&consumer_secret="
        + readKey().consumerSecret(), null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(sandbox.exchanges()).singleElement().satisfies(exchange -> assertThat(exchange.path())
        .isEqualTo("/wp-json/wc/v3/orders?consumer_key=[redacted]&consumer_secret=[redacted]"));
  }

  @Test
  void pastTheQuotaTheWebHostAnswers429WithRetryAfterInSeconds() throws Exception {
    start(SandboxOptions.builder().quota(2, Duration.ofMinutes(1)).build());

    get("wc/v3", null);
    get("wc/v3", null);
    HttpResponse<String> third = get("wc/v3", null);

    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
  }

  @Test
  void serverErrorsArePlayedTheGivenNumberOfTimesOnTheResourcesNamed() throws Exception {
    start(SandboxOptions.builder().fault(new SandboxFault.ServerError(503, 2, Set.of("Orders"))).build());

    assertThat(List.of(get("wc/v3/orders", readKey()).statusCode(), get("wc/v3/orders", readKey()).statusCode(),
        get("wc/v3/orders", readKey()).statusCode(), get("wc/v3/products", readKey()).statusCode()))
        .containsExactly(503, 503, 200, 200);
  }

  @Test
  void aResetConnectionGetsNoAnswerAndIsLogged() throws Exception {
    start(SandboxOptions.builder().fault(new SandboxFault.ConnectionReset(1, Set.of("coupons"))).build());

    OkHttpClient noRetries = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    Request coupons = new Request.Builder().url(sandbox.values().get("store_url") + "/wp-json/wc/v3/coupons")
        .header("Authorization", basic(readKey())).build();
    assertThatThrownBy(() -> noRetries.newCall(coupons).execute()).isInstanceOf(IOException.class);
    assertThat(get("wc/v3/coupons", readKey()).statusCode()).isEqualTo(200);
    assertThat(get("wc/v3/taxes", readKey()).statusCode()).as("another resource").isEqualTo(200);
    assertThat(sandbox.exchanges()).extracting(SandboxInstance.Exchange::status).containsExactly(0, 200, 200);
  }

  @Test
  void anUnknownPermissionIsRefusedListingThePermissionsThereAre() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WooCommerceSandbox().start(SandboxOptions.builder().grant("Ordres").build()))
        .withMessage("WooCommerce has no permission Ordres; the permissions are Orders, Products, Customers, Coupons,"
            + " Sales reports, Payment gateways, Taxes, Refunds (or their route names, such as orders or reports/sales)");
  }

  @Test
  void itsNameAndItsLogShowNoSecret() throws Exception {
    start(SandboxOptions.defaults());
    get("wc/v3/orders?per_page=1", readKey());

    assertThat(sandbox.toString()).isEqualTo("WooCommerce sandbox on " + sandbox.address())
        .doesNotContain(readKey().consumerSecret());
    assertThat(sandbox.exchanges().toString()).doesNotContain(readKey().consumerSecret())
        .doesNotContain(readKey().consumerKey());
  }

  private void start(SandboxOptions options) {
    sandbox = new WooCommerceSandbox().start(options);
  }

  private SandboxKeys.KeyPair readKey() {
    return new SandboxKeys.KeyPair(sandbox.values().get("consumer_key"), sandbox.values().get("consumer_secret"));
  }

  /** GET {@code /wp-json/PATH} of the offered store, with the key as HTTP Basic, or none for {@code null}. */
  private HttpResponse<String> get(String path, SandboxKeys.KeyPair key) throws IOException, InterruptedException {
    return send("GET", URI.create(sandbox.values().get("store_url") + "/wp-json/" + path), key);
  }

  private HttpResponse<String> send(String method, URI uri, SandboxKeys.KeyPair key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
    if (key != null) {
      request.header("Authorization", basic(key));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(SandboxKeys.KeyPair key) {
    return "Basic " + Base64.getEncoder().encodeToString((key.consumerKey() + ":" + key.consumerSecret())
        .getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Mappers.strictJson().readTree(response.body());
  }

  private static List<String> everyResourceBut(String label) {
    return Arrays.stream(Resource.values()).map(r -> r.label).filter(l -> !l.equals(label)).toList();
  }
}
