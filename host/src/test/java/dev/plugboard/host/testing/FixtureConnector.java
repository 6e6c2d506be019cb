package dev.plugboard.host.testing;

import dev.plugboard.api.Connector;

/** A connector for test plugin jars: its descriptor is {@code plugboard/connector.yaml}. */
public final class FixtureConnector implements Connector {

  public static final String DESCRIPTOR = "plugboard/connector.yaml";

  @Override
  public String descriptor() {
    return DESCRIPTOR;
  }
}
