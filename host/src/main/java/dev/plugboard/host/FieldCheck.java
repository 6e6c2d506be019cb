package dev.plugboard.host;

import java.util.Objects;

/**
 * A field's value after the format phase. The value itself is never part of it.
 *
 * @param id the field's id
 * @param status whether the value passed
 * @param message what is wrong and how to fix it, in words (never the regular expression); for a
 *     value that passed, a warning when it does not look as usual, else empty
 */
public record FieldCheck(String id, Status status, String message) {

  /** A value's state after the format phase. */
  public enum Status {
    OK,
    INVALID,
    MISSING
  }

  public FieldCheck {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(status, "status == null");
    message = message == null ? "" : message;
  }
}
