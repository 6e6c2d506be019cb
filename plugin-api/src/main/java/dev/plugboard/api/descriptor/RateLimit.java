package dev.plugboard.api.descriptor;

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
    String requestsLeftHeader,
    String resetMsHeader,
    String quotaHeader,
    String windowMsHeader,
    String retryAfterSecondsHeader,
    String usedOfLimitHeader,
    Integer burst) {

  /** A platform that reports nothing. */
  public static final RateLimit NONE = new RateLimit(null, null, null, null, null, null);

  public RateLimit {
    if (burst != null && burst < 1) {
      throw new InvalidDescriptorException("burst must be 1 or more: " + burst);
    }
  }

  /** The header names alone, the burst unknown. */
  public RateLimit(String requestsLeftHeader, String resetMsHeader, String quotaHeader, String windowMsHeader,
      String retryAfterSecondsHeader, String usedOfLimitHeader) {
    this(requestsLeftHeader, resetMsHeader, quotaHeader, windowMsHeader, retryAfterSecondsHeader, usedOfLimitHeader,
        null);
  }
}
