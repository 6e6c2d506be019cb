package dev.plugboard.api.descriptor;

/**
 * The cheapest call that tells whether the platform accepts the credentials at all, before any
 * scope is probed. A status in {@code http.rejectedStatuses} means they were rejected.
 *
 * @param method {@code GET} (the default) or {@code HEAD}
 * @param path template relative to {@code http.baseUrl}
 */
public record CredentialsCheck(String method, String path) {

  public CredentialsCheck {
    method = Checks.readOnlyMethod(method, "method");
    Checks.relativePath(path, "path");
  }
}
