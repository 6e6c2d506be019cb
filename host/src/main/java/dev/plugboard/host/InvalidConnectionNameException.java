package dev.plugboard.host;

import java.util.Optional;

/**
 * A connection name that breaks {@link ConnectionNames}' rules. The message says the rules and
 * gives an example; the CLI exits with 2 (bad usage) on it.
 */
public final class InvalidConnectionNameException extends PlugboardException {

  private static final int SHOWN = 80;

  private final String name;
  private final String example;

  public InvalidConnectionNameException(String name) {
    this(name, ConnectionNames.EXAMPLE);
  }

  /** @param example a name that follows the rules, for the connector at hand */
  public InvalidConnectionNameException(String name, String example) {
    super("connection name " + quoted(name) + " is not allowed: use " + ConnectionNames.RULES + ", such as " + example);
    this.name = name;
    this.example = example;
  }

  /** The name following the rules that the message gives as an example. */
  public String example() {
    return example;
  }

  /** The name that was refused, unless none was given. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  // A refused name came from a user: show it briefly, with control characters made visible.
  private static String quoted(String name) {
    if (name == null) {
      return "(none)";
    }
    String shown = name.length() <= SHOWN ? name : name.substring(0, SHOWN) + "…";
    return "\"" + shown.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "\"";
  }
}
