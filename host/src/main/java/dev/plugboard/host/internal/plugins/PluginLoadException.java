package dev.plugboard.host.internal.plugins;

import dev.plugboard.host.PlugboardException;

/** A plugin or one of its connectors cannot be loaded; the message is the reason shown to users. */
final class PluginLoadException extends PlugboardException {

  PluginLoadException(String message) {
    super(message);
  }

  PluginLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
