package dev.plugboard.api.sandbox.kit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A query string's parameters, decoded leniently. */
final class QueryParameters {

  private QueryParameters() {}

  static Map<String, String> parse(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        query.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed escape: the parameter is ignored, as the platforms' frameworks do
      }
    }
    return Collections.unmodifiableMap(query);
  }
}
