package dev.plugboard.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reading requests within bounds and sending answers with the headers every answer carries. */
final class Exchanges {

  /** The largest request body read: a form's values or a credentials file are a few hundred bytes. */
  static final int MAX_BODY = 64 * 1024;
  /**
   * How much of a request's body left unread is still read, and thrown away, before a refusal is
   * answered. A server that closes its connection with a request's bytes unread makes the client's
   * system reset it, and the client may then lose the answer saying why (a browser shows "connection
   * reset" instead of the 413); a body up to this size is read to its end, so the answer arrives.
   */
  static final int MAX_DISCARDED = 1024 * 1024;
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
    OptionalLong declared = declaredLength(exchange);
    if (declared.isPresent() && declared.getAsLong() > MAX_BODY) {
      throw tooLarge();
    }
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw tooLarge();
    }
    return bytes;
  }

  /**
   * Reads what is left of the request's body, up to {@link #MAX_DISCARDED} bytes, and throws it
   * away: for an answer sent without reading it (a refusal). A body declared longer is left unread.
   */
  static void discardUnread(HttpExchange exchange) {
    try {
      OptionalLong declared = declaredLength(exchange);
      if (declared.isPresent() && declared.getAsLong() > MAX_DISCARDED) {
        return;
      }
      InputStream in = exchange.getRequestBody();
      byte[] buffer = new byte[8192];
      for (long left = MAX_DISCARDED; left > 0; ) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          return;
        }
        left -= read;
      }
    } catch (IOException | Refused unreadable) {
      // the client has gone, or its length is no number: the answer is tried all the same
    }
  }

  /** The request's declared Content-Length, if it gives one. */
  private static OptionalLong declaredLength(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(declared.strip()));
    } catch (NumberFormatException e) {
      throw new Refused(400, "The request's Content-Length is not a number.");
    }
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
