package dev.plugboard.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The page's stylesheet and script, shipped in this jar: nothing is fetched from anywhere else. */
final class Assets {

  private static final Map<String, String> TYPES = Map.of(
      "connect.css", "text/css; charset=utf-8",
      "connect.js", "text/javascript; charset=utf-8");

  private static final Map<String, byte[]> CONTENT = Map.of(
      "connect.css", read("connect.css"),
      "connect.js", read("connect.js"));

  private Assets() {}

  static void send(HttpExchange exchange, String name) throws IOException {
    byte[] content = CONTENT.get(name);
    if (content == null) {
      throw new Exchanges.Refused(404, "There is no such file.");
    }
    Exchanges.send(exchange, 200, TYPES.get(name), content);
  }

  private static byte[] read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("assets/" + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
