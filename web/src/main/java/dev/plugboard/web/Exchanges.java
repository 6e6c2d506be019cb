package dev.plugboard.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Reading requests within bounds and sending answers with the headers every answer carries. */
final class Exchanges {

  /** The largest request body read: a form's values or a credentials file are a few hundred bytes. */
  static final int MAX_BODY = 64 * 1024;
  /** The most header bytes a request may carry (names and values). */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /** Headers on every answer: nothing cached, no referrer, no framing, nothing run but the jar's own script. */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", CSP,
      "Cache-Control", "no-store",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY",
      "X-Content-Type-Options", "nosniff",
      "Cross-Origin-Opener-Policy", "same-origin",
      "Cross-Origin-Resource-Policy", "same-origin");

  private Exchanges() {}

  /** A request that cannot be served as sent; the status and the words to answer with. */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** The body, refused past {@link #MAX_BODY} bytes (read no further than that). */
  static byte[] body(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > MAX_BODY) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new Refused(400, "The request's Content-Length is not a number.");
      }
    }
    InputStream in = exchange.getRequestBody();
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw tooLarge();
    }
    return bytes;
  }

  private static Refused tooLarge() {
    return new Refused(413, "The request is larger than " + MAX_BODY / 1024 + " KiB; a form's values and a"
        + " credentials file are far smaller. Check that the right file was chosen.");
  }

  static int headerBytes(Headers headers) {
    int total = 0;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        total += header.getKey().length() + value.length() + 4;
      }
    }
    return total;
  }

  static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    send(exchange, status, contentType, body.getBytes(UTF_8));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    headers(exchange, contentType);
    if (exchange.getRequestMethod().equals("HEAD") || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static void headers(HttpExchange exchange, String contentType) {
    Headers headers = exchange.getResponseHeaders();
    SECURITY_HEADERS.forEach(headers::set);
    headers.set("Content-Type", contentType);
  }
}
