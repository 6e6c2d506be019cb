package dev.plugboard.api.descriptor;

/** A clean-up applied to a value before it is checked. */
public enum Normalization {
  /** Remove leading and trailing white space. */
  TRIM,
  /** Remove one pair of matching quotes around the value, as pasted from a file or a chat. */
  STRIP_QUOTES,
  /** Lower-case the whole value. */
  LOWERCASE
}
