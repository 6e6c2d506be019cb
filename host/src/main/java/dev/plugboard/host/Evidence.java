package dev.plugboard.host;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The HTTP exchange a finding rests on, without secrets: no header values, no body.
 *
 * @param method the request method
 * @param host the host the request went to
 * @param path the request path and query
 * @param status the last HTTP status received; empty when no answer came
 * @param attempts how many times the request was sent (retries after 429 and 5xx included)
 * @param millis the time from the first attempt to the last answer
 * @param detail what went wrong when there is no status (timeout, connection refused ...); else empty
 */
public record Evidence(String method, String host, String path, OptionalInt status, int attempts, long millis, String detail) {

  public Evidence {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(status, "status == null: use OptionalInt.empty()");
    detail = detail == null ? "" : detail;
  }
}
