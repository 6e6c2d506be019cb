package dev.plugboard.api.descriptor;

/**
 * HTTP Basic authentication from two templates, encoded by the host ({@code Authorization: Basic
 * base64(user:password)}) and attached like any credential header: over https to allowed hosts only.
 *
 * @param username template, such as {@code {consumer_key}}
 * @param password template naming a secret field, such as {@code {consumer_secret}}
 */
public record BasicAuth(String username, String password) {

  public BasicAuth {
    Checks.requireText(username, "username");
    Checks.requireText(password, "password");
    Template.parse(username, "username");
    Template.parse(password, "password");
  }
}
