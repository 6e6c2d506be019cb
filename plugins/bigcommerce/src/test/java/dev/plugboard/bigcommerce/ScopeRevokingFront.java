package dev.plugboard.bigcommerce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stands on 127.0.0.1 in front of a running sandbox and passes every call on to it, until the
 * test says the store owner took a scope away ({@link #revoke(String)}): from then on, calls to
 * that scope's path are answered as BigCommerce answers a missing scope (403 and its body). A
 * sandbox's grants are fixed when it starts; this is how a kept connection meets a store whose
 * API account changed. Close it to stop it.
 */
final class ScopeRevokingFront implements AutoCloseable {

  private static final String MISSING_SCOPE =
      "{\"status\":403,\"title\":\"You don't have a required scope to access the endpoint\",\"type\":"
          + "\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\",\"errors\":{}}";
  private static final List<String> PASSED_ON = List.of("x-auth-token", "accept");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String sandbox;
  private volatile String revokedPath;

  private ScopeRevokingFront(String sandboxAddress) throws IOException {
    this.sandbox = sandboxAddress;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A front for the sandbox listening on {@code sandboxAddress} ({@code 127.0.0.1:PORT}). */
  static ScopeRevokingFront before(String sandboxAddress) {
    try {
      return new ScopeRevokingFront(sandboxAddress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 127.0.0.1:PORT}, for {@code --allow-host}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The sandbox's values, with the API Path pointing here instead. */
  Map<String, String> values(Map<String, String> sandboxValues) {
    Map<String, String> values = new LinkedHashMap<>(sandboxValues);
    values.put("api_path", sandboxValues.get("api_path").replace(sandbox, address()));
    return values;
  }

  /** From now on, calls whose path ends with {@code pathEnd} ({@code /v2/orders/count}) find the scope missing. */
  void revoke(String pathEnd) {
    revokedPath = pathEnd;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      if (revokedPath != null && path.endsWith(revokedPath)) {
        send(exchange, 403, Map.of("content-type", List.of("application/json")), MISSING_SCOPE);
        return;
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(
          URI.create("http://" + sandbox + path + (query == null ? "" : "?" + query)));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (PASSED_ON.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<String> answer = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
      send(exchange, answer.statusCode(), answer.headers().map(), answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, String body)
      throws IOException {
    headers.forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-rate-limit") || lower.equals("content-type")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
