package dev.plugboard.api.sandbox.kit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request a sandbox received: its method, path, query and headers.
 *
 * <p>Holds the credentials the client sent (in its headers, sometimes in its query): a platform
 * compares them and never logs them; {@link #toString()} shows only the method and path.
 */
public final class SandboxRequest {

  private final String origin;
  private final String method;
  private final String rawPath;
  private final Optional<String> rawQuery;
  private final Map<String, String> query;
  private final Map<String, String> headers;

  /**
   * @param origin the sandbox's own origin, such as {@code http://127.0.0.1:41234}
   * @param method the request method, such as {@code GET}
   * @param rawPath the path as sent, still percent-encoded
   * @param rawQuery the query as sent, if there is one
   * @param headers the first value of each header, by name (any case)
   */
  public SandboxRequest(String origin, String method, String rawPath, Optional<String> rawQuery,
      Map<String, List<String>> headers) {
    this.origin = Objects.requireNonNull(origin, "origin == null");
    this.method = Objects.requireNonNull(method, "method == null");
    this.rawPath = Objects.requireNonNull(rawPath, "rawPath == null");
    this.rawQuery = Objects.requireNonNull(rawQuery, "rawQuery == null: use Optional.empty() for none");
    this.query = rawQuery.map(QueryParameters::parse).orElse(Map.of());
    Map<String, String> firsts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> {
      if (name != null && !values.isEmpty()) {
        firsts.putIfAbsent(name, values.get(0));
      }
    });
    this.headers = firsts;
  }

  /**
   * The sandbox's own origin, such as {@code http://127.0.0.1:41234}: what the platform calls
   * itself in the links and addresses its answers hold.
   */
  public String origin() {
    return origin;
  }

  public String method() {
    return method;
  }

  /** Whether the method only reads: {@code GET} or {@code HEAD}. */
  public boolean reads() {
    return method.equals("GET") || method.equals("HEAD");
  }

  /** The path as sent, still percent-encoded, such as {@code /stores/abc/v3/catalog/products}. */
  public String rawPath() {
    return rawPath;
  }

  /** The query as sent, if there is one. */
  public Optional<String> rawQuery() {
    return rawQuery;
  }

  /**
   * The query's parameters, decoded; the first value of a repeated one. A parameter with a
   * malformed escape is left out, as most web frameworks do.
   */
  public Map<String, String> query() {
    return query;
  }

  /** The first value of header {@code name} (any case), if sent. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The path and the query as sent, as an exchange is logged unless the platform redacts it. */
  public String pathAndQuery() {
    return rawPath + rawQuery.map(query -> "?" + query).orElse("");
  }

  @Override
  public String toString() {
    return method + " " + rawPath;
  }
}
