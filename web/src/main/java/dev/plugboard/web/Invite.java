package dev.plugboard.web;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-time link for one connection, as {@link Invites} keeps it: never its token, which only
 * the link holds.
 *
 * @param id a short name for it in lists, not the token
 * @param connector the connector it connects
 * @param name the name the connection will be kept under, if the invite fixes one
 * @param createdAt when it was made
 * @param expiresAt when it stops working
 * @param verifications how many verifications it has been used for
 * @param spentAt when the connection was stored through it, if it was
 * @param connection the connection stored through it, if any
 */
public record Invite(
    String id,
    String connector,
    Optional<String> name,
    Instant createdAt,
    Instant expiresAt,
    int verifications,
    Optional<Instant> spentAt,
    Optional<String> connection) {

  /** An invite's state at a moment. */
  public enum State {
    /** It can still be used. */
    OPEN,
    /** Its time ran out before it was used. */
    EXPIRED,
    /** A connection was stored through it. */
    SPENT,
    /** It was used for as many verifications as an invite allows. */
    USED_UP
  }

  public Invite {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(connector, "connector == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(createdAt, "createdAt == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    Objects.requireNonNull(spentAt, "spentAt == null");
    Objects.requireNonNull(connection, "connection == null");
  }

  public State state(Instant now) {
    if (spentAt.isPresent()) {
      return State.SPENT;
    }
    if (!now.isBefore(expiresAt)) {
      return State.EXPIRED;
    }
    return verifications >= Invites.MAX_VERIFICATIONS ? State.USED_UP : State.OPEN;
  }
}
