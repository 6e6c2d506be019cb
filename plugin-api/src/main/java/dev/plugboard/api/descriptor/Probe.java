package dev.plugboard.api.descriptor;

import java.util.List;

/**
 * The read-only call that proves a scope is granted.
 *
 * @param method {@code GET} (the default) or {@code HEAD}
 * @param path template relative to {@code http.baseUrl}, such as {@code v3/customers?limit=1}
 * @param granted statuses that prove the scope: {@code 200} for a list, and for instance
 *     {@code 404} for a look-up of an object that does not exist, which the platform answers only
 *     after checking the scope
 * @param missing statuses that mean the scope is not granted; {@code [403]} unless stated
 */
public record Probe(String method, String path, List<Integer> granted, List<Integer> missing) {

  public Probe {
    method = Checks.readOnlyMethod(method, "method");
    Checks.relativePath(path, "path");
    granted = Checks.statuses(granted, List.of(), "granted");
    if (granted.isEmpty()) {
      throw new InvalidDescriptorException("granted is missing: name the statuses that prove the scope, such as [200]");
    }
    missing = Checks.statuses(missing, List.of(403), "missing");
    for (int status : granted) {
      if (missing.contains(status)) {
        throw new InvalidDescriptorException("status " + status + " is in both granted and missing");
      }
    }
  }
}
