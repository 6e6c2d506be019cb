package dev.plugboard.api.descriptor;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the platform reports its rate limit, as response header names. Every header is optional;
 * name those the platform sends. The standard {@code Retry-After} (seconds, fractional seconds or
 * an HTTP date) is always understood after a 429 or 503.
 *
 * @param requestsLeftHeader requests left in the current window
 * @param resetMsHeader milliseconds until the window resets (wait this long after a 429)
 * @param quotaHeader requests allowed per window
 * @param windowMsHeader the window's length in milliseconds
 * @param retryAfterSecondsHeader another name the platform gives its retry-after header, read as
 *     {@code Retry-After} is ({@code X-Retry-After})
 * @param usedOfLimitHeader requests used and allowed in one header, {@code used/limit}
 *     ({@code X-Shopify-Shop-Api-Call-Limit: 32/40})
 * @param burst how many calls the platform takes at once before any answer has told its quota
 *     (its smallest plan's quota per window); when absent, a platform that reports its quota gets
 *     one call first and the rest once that call's answer has told what is left
 */
public record RateLimit(
    Optional<String> requestsLeftHeader,
    Optional<String> resetMsHeader,
    Optional<String> quotaHeader,
    Optional<String> windowMsHeader,
    Optional<String> retryAfterSecondsHeader,
    Optional<String> usedOfLimitHeader,
    OptionalInt burst) {

  /** A platform that reports nothing. */
  public static final RateLimit NONE = new RateLimit(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());

  public RateLimit {
    requestsLeftHeader = Checks.optional(requestsLeftHeader);
    resetMsHeader = Checks.optional(resetMsHeader);
    quotaHeader = Checks.optional(quotaHeader);
    windowMsHeader = Checks.optional(windowMsHeader);
    retryAfterSecondsHeader = Checks.optional(retryAfterSecondsHeader);
    usedOfLimitHeader = Checks.optional(usedOfLimitHeader);
    burst = Checks.optional(burst);
    if (burst.isPresent() && burst.getAsInt() < 1) {
      throw new InvalidDescriptorException("burst must be 1 or more: " + burst.getAsInt());
    }
  }

  /** The same header names with another burst. */
  public RateLimit withBurst(OptionalInt otherBurst) {
    return new RateLimit(requestsLeftHeader, resetMsHeader, quotaHeader, windowMsHeader, retryAfterSecondsHeader,
        usedOfLimitHeader, otherBurst);
  }
}
