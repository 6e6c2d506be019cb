package dev.plugboard.host;

/** No connection is kept under the name asked for. */
public final class UnknownConnectionException extends PlugboardException {

  private final String name;

  public UnknownConnectionException(String name) {
    super("no connection is named " + name + "; `plugboard connections list` shows the names kept");
    this.name = name;
  }

  public String name() {
    return name;
  }
}
