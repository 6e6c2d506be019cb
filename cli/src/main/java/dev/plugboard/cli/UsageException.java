package dev.plugboard.cli;

import dev.plugboard.host.PlugboardException;

/** The command line asks for something that cannot be done as given; exit code 2. */
final class UsageException extends PlugboardException {

  UsageException(String message) {
    super(message);
  }
}
