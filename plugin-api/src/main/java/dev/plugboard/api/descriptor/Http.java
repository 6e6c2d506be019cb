package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to talk to the platform.
 *
 * @param baseUrl template every call's path is resolved against; ends in {@code /}
 * @param allowedHosts the only hosts credentials are ever sent to, over https: literal names
 *     ({@code api.bigcommerce.com}), or templates taking the host from the values, such as
 *     {@code {store_url.host}} (a merchant's own domain) or {@code {shop}.myshopify.com}. A host
 *     taken from the values is guarded: it must be a public DNS name, and every address it
 *     resolves to must be public
 * @param auth HTTP Basic from two fields, if the platform uses it
 * @param headers headers sent with every call, as templates; a header naming a secret field is a
 *     credential header, attached only to https calls to allowed hosts
 * @param rejectedStatuses statuses meaning the credentials were rejected; {@code [401]} unless stated
 * @param rateLimit how the platform reports its rate limit
 * @param answers rules telling what answers mean by status and body, for every call
 */
public record Http(
    String baseUrl,
    List<String> allowedHosts,
    Optional<Auth> auth,
    Map<String, String> headers,
    List<Integer> rejectedStatuses,
    RateLimit rateLimit,
    List<AnswerRule> answers) {

  private static final Pattern HOST_TEXT = Pattern.compile("[a-z0-9.{}_-]+");

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
      if (!host.equals(host.toLowerCase(Locale.ROOT)) || !HOST_TEXT.matcher(host).matches()) {
        throw new InvalidDescriptorException(
            "allowedHosts must hold lowercase host names or templates such as {store_url.host} only: " + host);
      }
      Template.parse(host, "allowedHosts");
    }
    auth = Checks.optional(auth);
    headers = Checks.orderedMap(headers, "headers");
    headers.forEach((name, value) -> Template.parse(value, "headers." + name));
    rejectedStatuses = Checks.statuses(rejectedStatuses, List.of(401), "rejectedStatuses");
    rateLimit = rateLimit == null ? RateLimit.NONE : rateLimit;
    answers = Checks.list(answers, "answers");
  }

  /** Whether {@code entry} of {@link #allowedHosts()} takes its host from the values. */
  public static boolean fromValues(String entry) {
    return entry.indexOf('{') >= 0;
  }

  /** Every credential template: the headers' values and the Basic username and password. */
  public List<String> credentialTemplates() {
    List<String> templates = new java.util.ArrayList<>(headers.values());
    auth.ifPresent(scheme -> {
      templates.add(scheme.basic().username());
      templates.add(scheme.basic().password());
    });
    return templates;
  }
}
