package dev.plugboard.api.descriptor;

/**
 * A connector descriptor breaks a rule. The message states the rule and names the place in the
 * descriptor; the host adds the plugin ({@code id@version}) and the file.
 */
public final class InvalidDescriptorException extends IllegalArgumentException {

  public InvalidDescriptorException(String message) {
    super(message);
  }

  public InvalidDescriptorException(String message, Throwable cause) {
    super(message, cause);
  }
}
