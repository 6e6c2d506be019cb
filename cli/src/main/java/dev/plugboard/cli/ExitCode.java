package dev.plugboard.cli;

/** The exit codes of {@code plugboard}, as documented in README and DESIGN.md. */
public final class ExitCode {

  /** Done; for verify and connect: verified. */
  public static final int OK = 0;
  /** Verification failed: credentials rejected or scopes missing. */
  public static final int VERIFICATION_FAILED = 1;
  /** Bad usage or invalid field values: nothing was sent, nothing stored. */
  public static final int USAGE = 2;
  /** Could not finish: unreachable, timeouts, server errors, an unreadable store. */
  public static final int COULD_NOT_FINISH = 3;

  private ExitCode() {}
}
