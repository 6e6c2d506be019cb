package dev.plugboard.web;

import java.util.Objects;
import java.util.Optional;

/**
 * A connection the page stored: what an application's {@link ConnectPages.Builder#onConnected}
 * callback is told. It holds no value of the connection; read it from the host's store by name.
 *
 * @param connector the connector's id
 * @param name the name the connection is kept under
 * @param account the account it reaches, as the platform named it
 * @param invite the {@link Invite#id()} of the invite it was made through, if any: that invite is now spent
 */
public record Connected(String connector, String name, String account, Optional<String> invite) {

  public Connected {
    Objects.requireNonNull(connector, "connector == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(account, "account == null");
    Objects.requireNonNull(invite, "invite == null");
  }
}
