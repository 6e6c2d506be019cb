package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to talk to the platform.
 *
 * @param baseUrl template every call's path is resolved against; ends in {@code /}
 * @param allowedHosts the only hosts credentials are ever sent to, over https
 * @param headers headers sent with every call, as templates; a header naming a secret field is a
 *     credential header, attached only to https calls to allowed hosts
 * @param rejectedStatuses statuses meaning the credentials were rejected; {@code [401]} unless stated
 * @param rateLimit how the platform reports its rate limit
 */
public record Http(
    String baseUrl,
    List<String> allowedHosts,
    Map<String, String> headers,
    List<Integer> rejectedStatuses,
    RateLimit rateLimit) {

  public Http {
    Checks.requireText(baseUrl, "baseUrl");
    Template.parse(baseUrl, "baseUrl");
    if (!baseUrl.endsWith("/")) {
      throw new InvalidDescriptorException("baseUrl must end in /: " + baseUrl);
    }
    allowedHosts = Checks.list(allowedHosts, "allowedHosts");
    if (allowedHosts.isEmpty()) {
      throw new InvalidDescriptorException("allowedHosts is missing: name the hosts credentials may be sent to");
    }
    for (String host : allowedHosts) {
      if (!host.equals(host.toLowerCase(Locale.ROOT)) || host.contains("/") || host.contains(":") || host.isBlank()) {
        throw new InvalidDescriptorException("allowedHosts must hold lowercase host names only: " + host);
      }
    }
    headers = Checks.orderedMap(headers, "headers");
    headers.forEach((name, value) -> Template.parse(value, "headers." + name));
    rejectedStatuses = Checks.statuses(rejectedStatuses, List.of(401), "rejectedStatuses");
    rateLimit = rateLimit == null ? new RateLimit(null, null, null, null, null) : rateLimit;
  }
}
