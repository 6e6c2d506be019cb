package dev.plugboard.host.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which classes a plugin gets from the host, and which from its own jar. */
final class HostFirstPackagesTest {

  @ParameterizedTest(name = "{0} from the {1}")
  @CsvSource({
      // the runtime's own packages, exactly
      "java.lang.String, host",
      "java.util.concurrent.Flow, host",
      "java.made.up.Thing, host", // only the runtime may define java.*
      "javax.net.ssl.SSLContext, host",
      "javax.xml.parsers.DocumentBuilder, host",
      "com.sun.net.httpserver.HttpServer, host",
      "jdk.internal.misc.Unsafe, host",
      "sun.misc.Unsafe, host",
      // look-alikes the runtime does not hold: a plugin may bundle them
      "com.sun.fake.Thing, plugin",
      "javax.inject.Inject, plugin",
      "javax.annotation.Nullable, plugin",
      "jdk.made.up.Thing, plugin",
      "sun.made.up.Thing, plugin",
      // the types host and plugin share
      "dev.plugboard.api.Connector, host",
      "dev.plugboard.api.descriptor.ConnectorDescriptor, host",
      "dev.plugboard.api.sandbox.kit.SandboxServer, host",
      "org.pf4j.Plugin, host",
      "org.slf4j.Logger, host",
      "org.slf4j.helpers.MessageFormatter, host",
      // look-alikes of those, and everything else
      "dev.plugboard.apifake.Thing, plugin",
      "dev.plugboard.host.Plugboard, plugin",
      "org.pf4jx.Thing, plugin",
      "com.google.common.base.Strings, plugin",
      "tools.jackson.databind.ObjectMapper, plugin",
      "com.fasterxml.jackson.annotation.JsonProperty, plugin",
      "okhttp3.OkHttpClient, plugin",
      "TopLevel, plugin",
  })
  void aClassComesFrom(String className, String source) {
    assertThat(HostFirstPackages.isHostFirst(className) ? "host" : "plugin").isEqualTo(source);
  }
}
