package dev.plugboard.api.descriptor;

/**
 * How the platform reports its rate limit, as response header names. Every header is optional;
 * name those the platform sends.
 *
 * @param requestsLeftHeader requests left in the current window
 * @param resetMsHeader milliseconds until the window resets (wait this long after a 429)
 * @param quotaHeader requests allowed per window
 * @param windowMsHeader the window's length in milliseconds
 * @param retryAfterSecondsHeader seconds to wait after a 429, when the platform sends it
 */
public record RateLimit(
    String requestsLeftHeader,
    String resetMsHeader,
    String quotaHeader,
    String windowMsHeader,
    String retryAfterSecondsHeader) {}
