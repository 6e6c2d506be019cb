package dev.plugboard.host.testing;

import dev.plugboard.api.Connector;

/**
 * A connector that needs a class it bundles in a package that looks like the Java runtime's
 * ({@code com.sun.fake.Thing}), loaded from its own jar: it fails when the host takes the
 * package for its own.
 */
public final class LookAlikePackageConnector implements Connector {

  public static final String BUNDLED_CLASS = "com.sun.fake.Thing";

  @Override
  public String descriptor() {
    try {
      Class.forName(BUNDLED_CLASS, true, LookAlikePackageConnector.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the plugin's own " + BUNDLED_CLASS + " is out of reach", e);
    }
    return FixtureConnector.DESCRIPTOR;
  }
}
