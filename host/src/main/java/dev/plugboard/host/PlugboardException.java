package dev.plugboard.host;

/**
 * Something Plugboard could not do, said in words a user can act on. Messages name the plugin
 * ({@code id@version}), the connector, the field or the file involved, and never a secret value.
 */
public class PlugboardException extends RuntimeException {

  public PlugboardException(String message) {
    super(message);
  }

  public PlugboardException(String message, Throwable cause) {
    super(message, cause);
  }
}
