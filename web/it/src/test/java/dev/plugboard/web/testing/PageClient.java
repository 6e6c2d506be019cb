package dev.plugboard.web.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A browser without a browser: keeps the session cookie and sends the page's CSRF token as its script does. */
public final class PageClient {

  private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

  private final ConnectSite site;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
  private String csrf;

  public PageClient(ConnectSite site) {
    this.site = site;
  }

  public HttpResponse<String> get(String path) {
    HttpResponse<String> page = send(HttpRequest.newBuilder(site.uri(path)).GET().build());
    Matcher token = CSRF.matcher(page.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return page;
  }

  /** POSTs {@code json} with the session's cookie and CSRF token, as the page's script does. */
  public HttpResponse<String> postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  public HttpResponse<String> postText(String path, String text) {
    return post(path, "text/plain", text);
  }

  private HttpResponse<String> post(String path, String type, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(site.uri(path)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return send(request.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the page's script posts: {@code {"values": {...}, "name": NAME}} ({@code name} left out when {@code null}). */
  public static String valuesJson(Map<String, String> values, String name) {
    ObjectNode body = JsonMapper.builder().build().createObjectNode();
    ObjectNode given = body.putObject("values");
    values.forEach(given::put);
    if (name != null) {
      body.put("name", name);
    }
    return body.toString();
  }

  public String csrf() {
    return csrf;
  }

  public URI uri(String path) {
    return site.uri(path);
  }
}
