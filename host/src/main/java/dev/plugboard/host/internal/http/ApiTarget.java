package dev.plugboard.host.internal.http;

import dev.plugboard.api.descriptor.RateLimit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where one connector's calls go and what they carry: the rendered base URL and headers. Every
 * call also carries {@code User-Agent} and {@code Accept: application/json} unless the
 * descriptor sets them. {@link #toString()} names the credential headers, never their values.
 *
 * @param baseUrl the rendered {@code http.baseUrl}; call paths resolve against it
 * @param headers headers for every call
 * @param credentialHeaders headers naming a secret field, attached only where {@code allowedHosts} permits
 * @param userAgent {@code plugboard/<version> (<connector>@<plugin version>)}
 * @param allowedHosts where the credential headers may go
 * @param rateLimit the platform's rate-limit header names
 */
public record ApiTarget(
    HttpUrl baseUrl,
    Map<String, String> headers,
    Map<String, String> credentialHeaders,
    String userAgent,
    AllowedHosts allowedHosts,
    RateLimit rateLimit) {

  public ApiTarget {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    credentialHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(credentialHeaders));
    Objects.requireNonNull(userAgent, "userAgent == null");
    Objects.requireNonNull(allowedHosts, "allowedHosts == null");
    Objects.requireNonNull(rateLimit, "rateLimit == null");
  }

  @Override
  public String toString() {
    return "ApiTarget[" + baseUrl + ", headers=" + headers.keySet() + ", credentialHeaders="
        + credentialHeaders.keySet() + "]";
  }
}
