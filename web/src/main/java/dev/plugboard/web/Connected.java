package dev.plugboard.web;

import java.util.Objects;

/**
 * A connection the page stored: what an application's {@link ConnectPages.Builder#onConnected}
 * callback is told. It holds no value of the connection; read it from the host's store by name.
 *
 * @param connector the connector's id
 * @param name the name the connection is kept under
 * @param account the account it reaches, as the platform named it
 */
public record Connected(String connector, String name, String account) {

  public Connected {
    Objects.requireNonNull(connector, "connector == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(account, "account == null");
  }
}
