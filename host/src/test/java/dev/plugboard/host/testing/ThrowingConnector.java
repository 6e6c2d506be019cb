package dev.plugboard.host.testing;

import dev.plugboard.api.Connector;

/** A connector whose constructor throws, as a broken plugin's might. */
public final class ThrowingConnector implements Connector {

  public ThrowingConnector() {
    throw new IllegalStateException("cannot start: configuration missing");
  }

  @Override
  public String descriptor() {
    return FixtureConnector.DESCRIPTOR;
  }
}
