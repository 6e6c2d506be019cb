package dev.plugboard.host;

/**
 * The connection store could not be read or written: a damaged or tampered file, a key that is
 * missing or does not fit, a file that cannot be read. The message names the file and what to do;
 * the store is left as it was, never reset. The CLI exits with 3 on it.
 *
 * <p>An application's own {@link ConnectionStore} may throw it too.
 */
public class ConnectionStoreException extends PlugboardException {

  public ConnectionStoreException(String message) {
    super(message);
  }

  public ConnectionStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
