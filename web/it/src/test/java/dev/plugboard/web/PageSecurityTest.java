package dev.plugboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.web.testing.ConnectSite;
import dev.plugboard.web.testing.PageClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a web page must have: secrets never sent back, CSRF tokens, strict headers, bounded requests. */
final class PageSecurityTest {

  @RegisterExtension static final ConnectSite site = new ConnectSite();

  @Test
  void noAnswerOfAWholeVisitNorTheLogHoldsASecretTypedOrDropped() {
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (SandboxSession sandbox = site.plugboard().startSandbox("bigcommerce", SandboxOptions.builder()
        .grant(site.scopesBut("bigcommerce", "Orders")).build())) {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      Map<String, String> values = sandbox.values();
      List<String> secrets = List.of(values.get("access_token"), values.get("client_secret"));
      int before = site.answers().size();
      PageClient client = new PageClient(site);
      client.get("/");
      client.get("/connectors/bigcommerce");
      client.get("/assets/connect.js");
      client.get("/assets/connect.css");
      String typed = PageClient.valuesJson(values, null);
      client.postJson("/connectors/bigcommerce/check", typed);
      client.postText("/connectors/bigcommerce/credentials-file", "ACCESS TOKEN: " + secrets.get(0)
          + "\nCLIENT SECRET: " + secrets.get(1) + "\nAPI PATH: " + values.get("api_path") + "\n");
      client.postJson("/connectors/bigcommerce/check", "{\"values\":{},\"fromFile\":[\"access_token\",\"client_secret\"]}");
      client.postJson("/connectors/bigcommerce/verify", typed);
      client.postJson("/connectors/bigcommerce/connect", typed);
      client.postJson("/connectors/bigcommerce/connect", PageClient.valuesJson(values, "Not A Valid Name"));
      client.postJson("/connectors/bigcommerce/check", typed.replace("\"api_path\"", "\"nope\""));
      client.get("/connectors/bigcommerce");

      List<ConnectSite.Answer> visit = site.answers().subList(before, site.answers().size());
      assertThat(visit).hasSizeGreaterThanOrEqualTo(12);
      assertThat(visit).extracting(ConnectSite.Answer::request).anyMatch(r -> r.endsWith("/verify"));
      assertThat(visit).allSatisfy(answer -> assertThat(answer.whole()).doesNotContain(secrets));
      assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(secrets);
    } finally {
      System.setErr(err);
    }
  }

  @Test
  void everyAnswerForbidsInlineScriptFramingCachingAndTheReferrer() {
    PageClient client = new PageClient(site);
    List<HttpResponse<String>> answers = List.of(client.get("/"), client.get("/connectors/bigcommerce"),
        client.get("/assets/connect.js"), client.get("/nowhere"),
        client.postJson("/connectors/bigcommerce/check", "{\"values\":{}}"),
        client.postJson("/connectors/bigcommerce/check", "not json"));

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
          assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
              .doesNotContain("unsafe-inline", "http:", "https:", "*"));
      assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    });
  }

  @Test
  void pagesHoldNoInlineScriptOrStyle() {
    String page = new PageClient(site).get("/connectors/bigcommerce").body();

    assertThat(page).doesNotContain("<script>", "style=", "onclick", "onblur", "javascript:")
        .contains("<script src=\"/connect/assets/connect.js\" defer></script>");
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndScopedToTheMount() {
    HttpResponse<String> page = new PageClient(site).get("/connectors/bigcommerce");

    assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
        assertThat(cookie).contains("Path=/connect/", "HttpOnly", "SameSite=Strict"));
  }

  @Test
  void aPostWithoutThePagesCsrfTokenIsRefused() {
    PageClient client = new PageClient(site);
    client.get("/connectors/bigcommerce");
    HttpResponse<String> missing = client.send(HttpRequest.newBuilder(client.uri("/connectors/bigcommerce/check"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"values\":{}}")).build());
    HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(client.uri("/connectors/bigcommerce/verify"))
        .header("Content-Type", "application/json").header("X-CSRF-Token", "forged")
        .POST(HttpRequest.BodyPublishers.ofString("{\"values\":{}}")).build());

    assertThat(List.of(missing, wrong)).allSatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(answer.body()).contains("did not come from the connect page");
    });
  }

  @Test
  void aPostFromABrowserWithoutASessionIsToldToReload() {
    PageClient stranger = new PageClient(site);
    HttpResponse<String> answer = stranger.postJson("/connectors/bigcommerce/connect", "{\"values\":{}}");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("This page has expired. Reload it");
  }

  @Test
  void aPlainFormPostIsRefused() {
    PageClient client = new PageClient(site);
    client.get("/connectors/bigcommerce");
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(client.uri("/connectors/bigcommerce/connect"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-Token", client.csrf())
        .POST(HttpRequest.BodyPublishers.ofString("values=1")).build());

    assertThat(answer.statusCode()).isEqualTo(415);
  }

  @Test
  void aBodyOver64KiBIsRefusedUnread() {
    PageClient client = new PageClient(site);
    client.get("/connectors/bigcommerce");
    HttpResponse<String> answer = client.postText("/connectors/bigcommerce/credentials-file", "A".repeat(65 * 1024));

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).contains("larger than 64 KiB");
  }

  @Test
  void headersOver16KiBAreRefused() {
    PageClient client = new PageClient(site);
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(client.uri("/"))
        .header("X-Padding", "p".repeat(17 * 1024)).GET().build());

    assertThat(answer.statusCode()).isEqualTo(431);
  }

  @Test
  void aGetNeverVerifiesOrStores() {
    HttpResponse<String> answer = new PageClient(site).get("/connectors/bigcommerce/connect");

    assertThat(answer.statusCode()).isEqualTo(405);
  }
}
