package dev.plugboard.host;


/**
 * A source of values (a credentials file, a values file) cannot be used as given: missing,
 * unreadable, malformed, or naming a field the connector does not have. The message says why and
 * where, and never holds a value. Thrown by {@link Plugboard#readCredentialsFile} and
 * {@link Plugboard#readValuesFile}.
 */
public final class ValuesException extends PlugboardException {

  public ValuesException(String message) {
    super(message);
  }
}
