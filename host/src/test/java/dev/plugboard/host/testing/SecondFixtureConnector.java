package dev.plugboard.host.testing;

import dev.plugboard.api.Connector;

/** A second connector for test plugin jars: its descriptor is {@code plugboard/second.yaml}. */
public final class SecondFixtureConnector implements Connector {

  public static final String DESCRIPTOR = "plugboard/second.yaml";

  @Override
  public String descriptor() {
    return DESCRIPTOR;
  }
}
