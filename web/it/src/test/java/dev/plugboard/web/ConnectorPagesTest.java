package dev.plugboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.web.testing.ConnectSite;
import dev.plugboard.web.testing.PageClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pages as drawn from the two shipped descriptors, with no connector-specific code. */
final class ConnectorPagesTest {

  @RegisterExtension static final ConnectSite site = new ConnectSite();

  @Test
  void theFirstPageListsEveryLoadedConnectorWithLinksUnderTheApplicationsOwnPath() {
    HttpResponse<String> page = new PageClient(site).get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("href=\"/connect/connectors/bigcommerce\"", ">BigCommerce<",
        "href=\"/connect/connectors/woocommerce\"", ">WooCommerce<",
        "href=\"/connect/assets/connect.css\"", "src=\"/connect/assets/connect.js\"");
  }

  @Test
  void bigCommercesPageNumbersItsGuideStepsWithAnchorsByStepId() {
    String page = new PageClient(site).get("/connectors/bigcommerce").body();

    assertThat(all(page, "<li id=\"step-([a-z0-9-]+)\"")).containsExactly("open-api-accounts", "create-api-account",
        "name-it", "choose-token-type", "copy-api-path", "set-oauth-scopes", "save", "copy-credentials");
    assertThat(page).contains("<h3>Copy the API Path</h3>");
  }

  @Test
  void bigCommercesFieldsComeInDeclaredOrderWithSecretsAsPasswordsThatCanBeShown() {
    String page = new PageClient(site).get("/connectors/bigcommerce").body();

    assertThat(all(page, "<input id=\"f-([a-z_]+)\"")).containsExactly("api_path", "access_token", "client_id", "client_secret");
    assertThat(page).contains("<input id=\"f-access_token\" name=\"access_token\" type=\"password\"",
        "<input id=\"f-client_id\" name=\"client_id\" type=\"text\"",
        "<input id=\"f-api_path\" name=\"api_path\" type=\"url\"",
        "<button type=\"button\" class=\"reveal\" aria-controls=\"f-access_token\" aria-pressed=\"false\">Show</button>",
        "<label for=\"f-api_path\">API Path</label>",
        "Example: <code>https://api.bigcommerce.com/stores/abc123/v3/</code>",
        "<a href=\"#step-copy-api-path\">Where to find it: step 5, Copy the API Path</a>",
        "<a href=\"#step-copy-credentials\">Where to find it: step 8, Copy the credentials</a>");
    assertThat(all(page, "class=\"reveal\" aria-controls=\"f-([a-z_]+)\"")).containsExactly("access_token", "client_secret");
  }

  @Test
  void bigCommercesPageOffersToReadItsCredentialsFile() {
    String page = new PageClient(site).get("/connectors/bigcommerce").body();

    assertThat(page).contains("id=\"dropzone\"", "<input type=\"file\" id=\"credentials-file\"",
        "Drop the .txt file your browser downloads when you save the API account");
  }

  @Test
  void wooCommercesPageIsDrawnTheSameWayFromItsOwnDescriptor() {
    String page = new PageClient(site).get("/connectors/woocommerce").body();

    assertThat(page).contains("<h1>Connect WooCommerce</h1>", "<input id=\"f-store_url\" name=\"store_url\" type=\"url\"",
        "<input id=\"f-consumer_key\" name=\"consumer_key\" type=\"password\"",
        "<a href=\"#step-store-address\">Where to find it: step ");
    assertThat(all(page, "<input id=\"f-([a-z_]+)\"")).containsExactly("store_url", "consumer_key", "consumer_secret");
    assertThat(page).as("WooCommerce hands out no credentials file").doesNotContain("id=\"dropzone\"");
  }

  @Test
  void everyScopeIsListedBeforeVerifyingAsWaiting() {
    String page = new PageClient(site).get("/connectors/bigcommerce").body();

    assertThat(all(page, "data-scope=\"([a-z_0-9]+)\"")).hasSize(13).contains("store_v2_orders_read_only");
  }

  @Test
  void anUnknownConnectorIsAPageSayingWhichAreAvailable() {
    HttpResponse<String> page = new PageClient(site).get("/connectors/shopify");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("no connector shopify is loaded; available: bigcommerce, woocommerce");
  }

  @Test
  void anAddressWithNoPageIsAPageSayingSo() {
    HttpResponse<String> page = new PageClient(site).get("/nothing/here/at/all");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("There is no page at this address.");
  }

  @Test
  void textFromTheDescriptorIsEscaped() {
    String page = new PageClient(site).get("/connectors/bigcommerce").body();

    assertThat(page).contains("Information &amp; Settings").doesNotContain("Information & Settings");
  }

  static List<String> all(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    List<String> found = new java.util.ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
