package dev.plugboard.host;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Plugboard#connect} did: the verification report, and the connection kept when the
 * values verified.
 *
 * @param report the verification, as {@code plugboard connect --json} prints it
 * @param connection the connection kept; empty when the values did not verify (nothing was kept)
 */
public record ConnectResult(VerificationReport report, Optional<Connection> connection) {

  public ConnectResult {
    Objects.requireNonNull(report, "report == null");
    Objects.requireNonNull(connection, "connection == null");
  }

  /** Whether the connection verified and was kept. */
  public boolean stored() {
    return connection.isPresent();
  }
}
