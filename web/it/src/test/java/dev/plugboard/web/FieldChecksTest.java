package dev.plugboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.web.testing.ConnectSite;
import dev.plugboard.web.testing.PageClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A field checked when it is left: the host's format phase, answered in words. */
final class FieldChecksTest {

  @RegisterExtension static final ConnectSite site = new ConnectSite();

  @Test
  void aMalformedValueIsExplainedInWordsNeverAsARegularExpression() {
    JsonNode apiPath = field(check("bigcommerce", "{\"values\":{\"api_path\":\"https://api.bigcommerce.com/stores/store-abc123/v3/\"}}"),
        "api_path");

    assertThat(apiPath.get("status").asString()).isEqualTo("invalid");
    assertThat(apiPath.get("message").asString()).contains("store hash", "5 to 16 lowercase letters and digits")
        .doesNotContain("^", "[a-z0-9]", "(?", "$");
  }

  @Test
  void aValuePastedWithQuotesAndSpacesIsCleanedAsTheCliCleansIt() {
    JsonNode apiPath = field(check("bigcommerce",
        "{\"values\":{\"api_path\":\" \\\"https://api.bigcommerce.com/stores/abc123/v3/\\\" \"}}"), "api_path");

    assertThat(apiPath.get("status").asString()).isEqualTo("ok");
    assertThat(apiPath.get("cleaned").asString()).isEqualTo("https://api.bigcommerce.com/stores/abc123/v3/");
  }

  @Test
  void aCleanedSecretIsNeverSentBack() {
    JsonNode token = field(check("bigcommerce", "{\"values\":{\"access_token\":\" abcdefghijklmnopqrstuvwxyz01234 \"}}"),
        "access_token");

    assertThat(token.get("status").asString()).isEqualTo("ok");
    assertThat(token.has("cleaned")).isFalse();
  }

  @Test
  void aPastedAdminAddressIsShownBackAsTheSiteAddressTheHostWillUse() {
    JsonNode storeUrl = field(check("woocommerce",
        "{\"values\":{\"store_url\":\"https://shop.example.com/shop/wp-admin/admin.php?page=wc-settings#keys\"}}"),
        "store_url");

    assertThat(storeUrl.get("status").asString()).as(storeUrl.toString()).isEqualTo("ok");
    assertThat(storeUrl.get("cleaned").asString()).isEqualTo("https://shop.example.com/shop");
  }

  @Test
  void aValueAsTypedIsNotSentBack() {
    JsonNode storeUrl = field(check("woocommerce", "{\"values\":{\"store_url\":\"https://shop.example.com/shop\"}}"),
        "store_url");

    assertThat(storeUrl.get("status").asString()).isEqualTo("ok");
    assertThat(storeUrl.has("cleaned")).isFalse();
  }

  @Test
  void everyDeclaredFieldIsAnsweredThoseNotGivenAsMissing() {
    JsonNode answer = check("woocommerce", "{\"values\":{\"store_url\":\"https://shop.example.com\"}}");

    assertThat(answer.get("fields")).extracting(f -> f.get("id").asString())
        .containsExactly("store_url", "consumer_key", "consumer_secret");
    assertThat(field(answer, "consumer_key").get("status").asString()).isEqualTo("missing");
  }

  @Test
  void aFieldTheConnectorDoesNotAskForIsRefusedWithoutRepeatingIt() {
    PageClient client = new PageClient(site);
    client.get("/connectors/bigcommerce");
    HttpResponse<String> answer = client.postJson("/connectors/bigcommerce/check", "{\"values\":{\"password-canary\":\"x\"}}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("names a field BigCommerce does not ask for").doesNotContain("password-canary");
  }

  private static JsonNode check(String connector, String json) {
    PageClient client = new PageClient(site);
    client.get("/connectors/" + connector);
    HttpResponse<String> answer = client.postJson("/connectors/" + connector + "/check", json);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(answer.body());
  }

  private static JsonNode field(JsonNode answer, String id) {
    for (JsonNode field : answer.get("fields")) {
      if (field.get("id").asString().equals(id)) {
        return field;
      }
    }
    throw new AssertionError("no field " + id + " in " + answer);
  }
}
