package dev.plugboard.woocommerce.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer the sandbox sends: a status, a body and its content type, and extra headers.
 *
 * @param status the HTTP status
 * @param body the body, or empty for none
 * @param contentType the body's type
 * @param headers headers to add, such as {@code X-WP-Total}
 */
record Reply(int status, String body, String contentType, Map<String, String> headers) {

  private static final String JSON = "application/json; charset=UTF-8";

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply ok(String json) {
    return new Reply(200, json, JSON, Map.of());
  }

  /** An empty collection page, with WordPress's pagination headers. */
  static Reply emptyList() {
    return new Reply(200, "[]", JSON, Map.of("X-WP-Total", "0", "X-WP-TotalPages", "0"));
  }

  /** WordPress's error shape: {@code {"code", "message", "data": {"status"}}} (notes §4). */
  static Reply error(int status, String code, String message) {
    return new Reply(status, "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"data\":{\"status\":"
        + status + "}}", JSON, Map.of());
  }

  /** WordPress's answer for a path and method no route matches. */
  static Reply noRoute() {
    return error(404, "rest_no_route", "No route was found matching the URL and request method.");
  }

  /** A web server's own page, not WordPress's: for addresses outside every site. */
  static Reply html(int status, String title) {
    return new Reply(status, "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title
        + "</h1></body></html>", "text/html; charset=UTF-8", Map.of());
  }

  Reply withHeader(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new Reply(status, body, contentType, all);
  }

  boolean hasBody() {
    return !body.isEmpty();
  }
}
