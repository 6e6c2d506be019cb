package dev.plugboard.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A {@code text/event-stream} answer: each event a name and one line of JSON, sent as it comes.
 * Writes from several threads (scope probes decide concurrently) go out whole, one at a time.
 */
final class EventStream implements AutoCloseable {

  private final OutputStream out;
  private boolean gone;

  private EventStream(OutputStream out) {
    this.out = out;
  }

  static EventStream open(HttpExchange exchange) throws IOException {
    Exchanges.headers(exchange, "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
    exchange.sendResponseHeaders(200, 0);
    return new EventStream(exchange.getResponseBody());
  }

  /** Sends one event; a browser that went away ends the stream quietly (the run goes on and ends as it would). */
  synchronized void send(String event, String json) {
    if (gone) {
      return;
    }
    if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an event's data is one line of JSON");
    }
    try {
      out.write(("event: " + event + "\ndata: " + json + "\n\n").getBytes(UTF_8));
      out.flush();
    } catch (IOException e) {
      gone = true;
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      if (!gone) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
