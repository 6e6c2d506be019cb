package dev.plugboard.host.internal.http;

import java.util.Map;

/**
 * The credential headers a call may carry, as a request tag: the tag travels with the request
 * through redirects, and {@link CredentialInterceptor} decides for each hop whether to attach
 * them. {@link #toString()} never shows a value.
 *
 * @param headers header name to value
 * @param allowedHosts where they may go
 */
record Credentials(Map<String, String> headers, AllowedHosts allowedHosts) {

  @Override
  public String toString() {
    return "Credentials" + headers.keySet();
  }
}
