package dev.plugboard.api.descriptor;

/**
 * How calls authenticate besides the credential headers of {@code http.headers}.
 *
 * @param basic HTTP Basic from two fields
 */
public record Auth(BasicAuth basic) {

  public Auth {
    if (basic == null) {
      throw new InvalidDescriptorException("basic is missing: auth names a scheme, such as basic");
    }
  }
}
