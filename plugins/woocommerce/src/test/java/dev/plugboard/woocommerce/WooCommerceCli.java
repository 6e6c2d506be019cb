package dev.plugboard.woocommerce;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.testing.PluginCli;

/**
 * The real {@code plugboard} command line, in-process, over a plugins folder holding this module's
 * classes packed into the WooCommerce plugin jar (built once per test class), with a fresh, empty
 * home folder for each test.
 *
 * <pre>{@code
 * @RegisterExtension static final WooCommerceCli cli = new WooCommerceCli();
 *
 * CliRun.Result result = cli.run("verify", "woocommerce", "--sandbox");
 * CliRun.Result viaEnv = cli.given(sandbox.values(), "--allow-host", sandbox.address(), "verify", "woocommerce").run();
 * }</pre>
 */
final class WooCommerceCli extends PluginCli {

  WooCommerceCli() {
    super("woocommerce");
  }

  /** A sandbox in the test's JVM, started through the public API of a host of its own. */
  EmbeddedSandbox sandbox(SandboxOptions options) {
    return EmbeddedSandbox.start(plugins(), folder().resolve("sandbox-home"), options);
  }

  /** {@code PLUGBOARD_WOOCOMMERCE_<FIELD>} for {@code field}. */
  static String variable(String field) {
    return PluginCli.variable("woocommerce", field);
  }
}
