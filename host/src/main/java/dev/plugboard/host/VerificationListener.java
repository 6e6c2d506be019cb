package dev.plugboard.host;

/**
 * Receives a verification's events as they happen: what a progress display or a web page that
 * streams a verification listens with.
 *
 * <pre>{@code
 * VerificationReport report = plugboard.verify("shop", values, event -> {
 *   if (event instanceof VerificationEvent.ScopeDecided decided) {
 *     System.out.println(decided.scope().name() + ": " + decided.scope().status());
 *   }
 * });
 * }</pre>
 *
 * <p>Called from the thread that verifies and the HTTP client's threads (where answers arrive),
 * one event at a time, in order: {@link
 * VerificationEvent.Started} first, {@link VerificationEvent.Finished} last, nothing after it.
 * The verification waits while the listener runs, and so may other calls' answers, so it should
 * return quickly (hand the event to a queue of its own to do anything slow).
 *
 * <p>A listener that throws does not break the verification: the exception is dropped, that
 * listener is sent no further event, and the verification runs to its end and returns its report
 * as it would have. Events never hold a secret value.
 */
@FunctionalInterface
public interface VerificationListener {

  /** Listens to nothing. */
  VerificationListener NONE = event -> {};

  void on(VerificationEvent event);
}
