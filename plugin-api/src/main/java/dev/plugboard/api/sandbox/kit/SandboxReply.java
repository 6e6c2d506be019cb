package dev.plugboard.api.sandbox.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer a sandbox sends: a status, a body of a content type, and headers.
 *
 * @param status the HTTP status
 * @param body the body; empty for none (a 204, or any answer to {@code HEAD})
 * @param contentType the body's media type; ignored when there is no body
 * @param headers headers to send besides {@code Content-Type}, such as rate-limit headers
 */
public record SandboxReply(int status, String body, String contentType, Map<String, String> headers) {

  private static final String JSON = "application/json";

  public SandboxReply {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599: " + status);
    }
    Objects.requireNonNull(body, "body == null");
    Objects.requireNonNull(contentType, "contentType == null");
    headers = Map.copyOf(headers);
  }

  /** A JSON answer. */
  public static SandboxReply json(int status, String json) {
    return new SandboxReply(status, json, JSON, Map.of());
  }

  /** An answer with no body, such as 204. */
  public static SandboxReply empty(int status) {
    return new SandboxReply(status, "", JSON, Map.of());
  }

  /** The same answer with another media type, such as {@code application/json; charset=UTF-8}. */
  public SandboxReply withContentType(String type) {
    return new SandboxReply(status, body, type, headers);
  }

  /** The same answer with one more header (replacing one of the same name). */
  public SandboxReply withHeader(String name, String value) {
    return withHeaders(Map.of(name, value));
  }

  /** The same answer with more headers (replacing those of the same names). */
  public SandboxReply withHeaders(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(more);
    return new SandboxReply(status, body, contentType, all);
  }

  public boolean hasBody() {
    return !body.isEmpty();
  }
}
