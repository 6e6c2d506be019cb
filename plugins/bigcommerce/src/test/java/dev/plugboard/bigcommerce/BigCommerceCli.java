package dev.plugboard.bigcommerce;

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

  /** Well-formed (31 lowercase letters and digits), but no sandbox's token. */
  static final String REJECTED_TOKEN = "canaryrejectedtoken0123456789zz";

  BigCommerceCli() {
    super("bigcommerce");
  }

  /** {@code PLUGBOARD_BIGCOMMERCE_<FIELD>} for {@code field}. */
  static String variable(String field) {
    return PluginCli.variable("bigcommerce", field);
  }
}
