package dev.plugboard.host.internal.form;

import dev.plugboard.host.PlugboardException;

/** A source of values (a credentials file, a values file) cannot be used as given; the message says why and never holds a value. */
public final class ValuesException extends PlugboardException {

  ValuesException(String message) {
    super(message);
  }
}
