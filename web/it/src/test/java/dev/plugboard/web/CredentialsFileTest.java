package dev.plugboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.web.testing.ConnectSite;
import dev.plugboard.web.testing.PageClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A credentials file given to the page: read by the host's reader, its secrets kept on the server. */
final class CredentialsFileTest {

  static final String TOKEN = "canarytokenqwertyuiopasdfghjklz";
  static final String SECRET = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7";
  static final String FILE = "ACCESS TOKEN: " + TOKEN + "\r\nCLIENT NAME: Plugboard\r\n"
      + "API PATH: https://api.bigcommerce.com/stores/abc123/v3/\r\nCLIENT ID: 0123456789abcdefghijklmnopqrstu\r\n"
      + "CLIENT SECRET: " + SECRET + "\r\n";

  @RegisterExtension static final ConnectSite site = new ConnectSite();

  @Test
  void theFileFillsEveryFieldItHoldsGivingBackOnlyTheValuesThatAreNotSecret() {
    PageClient client = new PageClient(site);
    client.get("/connectors/bigcommerce");
    HttpResponse<String> answer = client.postText("/connectors/bigcommerce/credentials-file", FILE);

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode json = JsonMapper.builder().build().readTree(answer.body());
    assertThat(json.get("filled")).extracting(f -> f.get("id").asString())
        .containsExactly("api_path", "access_token", "client_id", "client_secret");
    assertThat(json.get("filled").get(0).get("value").asString()).isEqualTo("https://api.bigcommerce.com/stores/abc123/v3/");
    assertThat(json.get("filled").get(1).has("value")).isFalse();
    assertThat(json.get("message").asString()).isEqualTo("Filled 4 fields from the file: API Path, Access Token, Client ID, Client Secret.");
    assertThat(answer.body()).doesNotContain(TOKEN, SECRET);
  }

  @Test
  void theFilesSecretsAreCheckedWhenThePageSaysTheyCameFromIt() {
    PageClient client = new PageClient(site);
    client.get("/connectors/bigcommerce");
    client.postText("/connectors/bigcommerce/credentials-file", FILE);
    HttpResponse<String> answer = client.postJson("/connectors/bigcommerce/check",
        "{\"values\":{},\"fromFile\":[\"access_token\",\"client_secret\"]}");

    assertThat(answer.body()).contains("{\"id\":\"access_token\",\"status\":\"ok\"", "{\"id\":\"client_secret\",\"status\":\"ok\"",
        "{\"id\":\"api_path\",\"status\":\"missing\"");
  }

  @Test
  void anotherBrowsersFileIsNotThisOnes() {
    PageClient owner = new PageClient(site);
    owner.get("/connectors/bigcommerce");
    owner.postText("/connectors/bigcommerce/credentials-file", FILE);
    PageClient other = new PageClient(site);
    other.get("/connectors/bigcommerce");
    HttpResponse<String> answer = other.postJson("/connectors/bigcommerce/check", "{\"values\":{},\"fromFile\":[\"access_token\"]}");

    assertThat(answer.body()).contains("{\"id\":\"access_token\",\"status\":\"missing\"");
  }

  @Test
  void aFileWithNoneOfTheLabelsSaysWhatTheRightFileIs() {
    PageClient client = new PageClient(site);
    client.get("/connectors/bigcommerce");
    HttpResponse<String> answer = client.postText("/connectors/bigcommerce/credentials-file", "hello: " + TOKEN + "\n");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("the file you gave holds none of the labels", "API PATH", ".txt file")
        .doesNotContain(TOKEN);
  }

  @Test
  void aConnectorWithoutACredentialsFileSaysSo() {
    PageClient client = new PageClient(site);
    client.get("/connectors/woocommerce");
    HttpResponse<String> answer = client.postText("/connectors/woocommerce/credentials-file", FILE);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("declares no credentials file labels").doesNotContain(TOKEN);
  }
}
