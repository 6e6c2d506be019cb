package dev.plugboard.bigcommerce;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.testing.PluginCli;

/**
 * The real {@code plugboard} command line, in-process, over a plugins folder holding this module's
 * classes packed into the BigCommerce plugin jar (built once per test class), with a fresh, empty
 * home folder for each test.
 *
 * <pre>{@code
 * @RegisterExtension static final BigCommerceCli cli = new BigCommerceCli();
 *
 * CliRun.Result result = cli.run("verify", "bigcommerce", "--sandbox");
 * CliRun.Result viaEnv = cli.given(sandbox.values(), "--allow-host", sandbox.address(), "verify", "bigcommerce").run();
 * }</pre>
 */
final class BigCommerceCli extends PluginCli {

  BigCommerceCli() {
    super("bigcommerce");
  }

  /** A sandbox in the test's JVM, started through the public API of a host of its own. */
  EmbeddedSandbox sandbox(SandboxOptions options) {
    return EmbeddedSandbox.start(plugins(), folder().resolve("sandbox-home"), options);
  }

  /** {@code PLUGBOARD_BIGCOMMERCE_<FIELD>} for {@code field}. */
  static String variable(String field) {
    return PluginCli.variable("bigcommerce", field);
  }
}
