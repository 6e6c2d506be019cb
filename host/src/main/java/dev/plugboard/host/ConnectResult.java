package dev.plugboard.host;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Plugboard#connect} did: the verification report, and the connection kept when the
 * values verified.
 *
 * @param report the verification, as {@code plugboard connect --json} prints it
 * @param connection the connection kept; empty when the values did not verify (nothing was kept)
 * @param replaced the connection that was kept under the same name before and is replaced by it; empty when
 *     the name was free (or nothing was kept)
 */
public record ConnectResult(VerificationReport report, Optional<Connection> connection, Optional<Connection> replaced) {

  public ConnectResult {
    Objects.requireNonNull(report, "report == null");
    Objects.requireNonNull(connection, "connection == null");
    Objects.requireNonNull(replaced, "replaced == null: use Optional.empty()");
    if (replaced.isPresent() && connection.isEmpty()) {
      throw new IllegalArgumentException("replaced is given, but no connection was kept in its place");
    }
  }

  /** A result that replaced nothing. */
  public ConnectResult(VerificationReport report, Optional<Connection> connection) {
    this(report, connection, Optional.empty());
  }

  /** Whether the connection verified and was kept. */
  public boolean stored() {
    return connection.isPresent();
  }
}
