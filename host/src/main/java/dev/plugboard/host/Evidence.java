package dev.plugboard.host;

import java.util.Objects;

/**
 * The HTTP exchange a finding rests on, without secrets: no header values, no body.
 *
 * @param method the request method
 * @param host the host the request went to
 * @param path the request path and query
 * @param status the last HTTP status received, or {@code null} when no answer came
 * @param attempts how many times the request was sent (retries after 429 and 5xx included)
 * @param millis the time from the first attempt to the last answer
 * @param detail what went wrong when there is no status (timeout, connection refused ...); else empty
 */
public record Evidence(String method, String host, String path, Integer status, int attempts, long millis, String detail) {

  public Evidence {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(path, "path == null");
    detail = detail == null ? "" : detail;
  }
}
