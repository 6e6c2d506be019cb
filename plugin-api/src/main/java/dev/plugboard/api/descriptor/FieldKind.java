package dev.plugboard.api.descriptor;

/** How a field's value is entered, checked and kept. */
public enum FieldKind {
  /** Plain text, shown and stored as typed. */
  TEXT,
  /**
   * An address. The host parses it, requires https and a host on the connector's allow-list, and
   * matches the field's pattern against the path only. Its parts {@code origin}, {@code scheme},
   * {@code host} and {@code port} can be used in templates.
   */
  URL,
  /** A secret: never echoed, printed, logged or stored in plaintext. */
  SECRET
}
