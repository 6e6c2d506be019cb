package dev.plugboard.woocommerce.sandbox;

import dev.plugboard.api.sandbox.kit.SandboxReply;
import java.util.Map;

/** The answers WordPress and its web server give, in their shapes. */
final class Reply {

  private static final String JSON = "application/json; charset=UTF-8";

  private Reply() {}

  static SandboxReply ok(String json) {
    return SandboxReply.json(200, json).withContentType(JSON);
  }

  /** An empty collection page, with WordPress's pagination headers. */
  static SandboxReply emptyList() {
    return ok("[]").withHeaders(Map.of("X-WP-Total", "0", "X-WP-TotalPages", "0"));
  }

  /** WordPress's error shape: {@code {"code", "message", "data": {"status"}}} (notes §4). */
  static SandboxReply error(int status, String code, String message) {
    return SandboxReply.json(status, "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"data\":{\"status\":"
        + status + "}}").withContentType(JSON);
  }

  /** WordPress's answer for a path and method no route matches. */
  static SandboxReply noRoute() {
    return error(404, "rest_no_route", "No route was found matching the URL and request method.");
  }

  /** A web server's own page, not WordPress's: for addresses outside every site. */
  static SandboxReply html(int status, String title) {
    return new SandboxReply(status, "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title
        + "</h1></body></html>", "text/html; charset=UTF-8", Map.of());
  }
}
