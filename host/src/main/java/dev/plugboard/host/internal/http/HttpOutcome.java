package dev.plugboard.host.internal.http;

import dev.plugboard.host.Evidence;

/** How one call ended, after retries and waits: the variants the verification engine tells apart. */
public sealed interface HttpOutcome {

  /** The call, without secrets. */
  Evidence evidence();

  /**
   * The platform answered (with any status but a 5xx or 429 that retries could not get past).
   *
   * @param status the final status
   * @param body the body as text when it was asked for (at most 1 MiB), else empty
   */
  record Answered(int status, String body, Evidence evidence) implements HttpOutcome {}

  /**
   * The host cannot be reached: unknown host, connection refused, TLS failure. Nothing a retry fixes.
   *
   * @param host the host, with its port when not the default
   * @param reason in words, naming the host
   */
  record Unreachable(String host, String reason, Evidence evidence) implements HttpOutcome {}

  /**
   * The call was not sent, or its redirect was not trusted, because credentials may not go there.
   *
   * @param reason the allow-list's rule, naming the host
   * @param sentWithout whether requests did go out, without the credentials (the call was
   *     redirected to a host credentials may not go to)
   */
  record Refused(String reason, Evidence evidence, boolean sentWithout) implements HttpOutcome {

    /** Nothing went out. */
    public Refused(String reason, Evidence evidence) {
      this(reason, evidence, false);
    }
  }

  /**
   * No answer could decide: server errors or dropped connections after every retry, timeouts, a
   * rate limit that resets only after the deadline.
   *
   * @param why which of those
   * @param reason in words, naming the host
   */
  record GaveUp(Why why, String reason, Evidence evidence) implements HttpOutcome {}

  /** Why a call gave up. */
  enum Why {
    SERVER_ERROR,
    DROPPED,
    TIMEOUT,
    RATE_LIMITED
  }
}
