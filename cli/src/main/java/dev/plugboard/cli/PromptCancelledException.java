package dev.plugboard.cli;

import dev.plugboard.host.PlugboardException;

/** The user cancelled a prompt (Ctrl-C or end of input): nothing is sent or stored, and the run exits with 2. */
final class PromptCancelledException extends PlugboardException {

  PromptCancelledException(String message) {
    super(message);
  }
}
