package dev.plugboard.woocommerce;

import dev.plugboard.cli.testing.PluginCli;
import dev.plugboard.host.testing.EmbeddedSandbox;
import java.util.Map;

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

  /** {@code PLUGBOARD_WOOCOMMERCE_<FIELD>} for {@code field}. */
  static String variable(String field) {
    return PluginCli.variable("woocommerce", field);
  }

  /** The sandbox's Read key with its address changed to another of the sandbox's sites, such as {@code /blog}. */
  static Map<String, String> atSite(EmbeddedSandbox sandbox, String folder) {
    return sandbox.valuesWith("store_url", sandbox.values().get("store_url") + folder);
  }
}
