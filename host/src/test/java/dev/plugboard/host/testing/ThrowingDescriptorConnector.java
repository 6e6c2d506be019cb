package dev.plugboard.host.testing;

import dev.plugboard.api.Connector;

/** A connector that fails when asked for its descriptor, as a broken plugin's might. */
public final class ThrowingDescriptorConnector implements Connector {

  @Override
  public String descriptor() {
    throw new IllegalStateException("descriptor not packaged");
  }
}
