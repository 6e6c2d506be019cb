package dev.plugboard.woocommerce;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.cli.CliRun;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.TestFolders;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

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
final class WooCommerceCli implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private Path dir;
  private Path home;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("plugboard-cli-test");
    TestPluginJar.plugin("woocommerce").directory(Path.of("target/classes")).writeTo(plugins());
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    home = Files.createTempDirectory(dir, "home");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestFolders.delete(dir);
  }

  /** The folder holding the plugin jar, for {@code --plugins-dir}. */
  Path plugins() {
    return dir.resolve("plugins");
  }

  /** This test's home folder, for {@code --home}: empty when the test starts. */
  Path home() {
    return home;
  }

  /** A sandbox in the test's JVM, started through the public API of a host of its own. */
  EmbeddedSandbox sandbox(SandboxOptions options) {
    return EmbeddedSandbox.start(plugins(), dir.resolve("sandbox-home"), options);
  }

  /** {@code plugboard --plugins-dir PLUGINS --home HOME ARGS...}, ready to be given more. */
  CliRun args(String... args) {
    List<String> all = new ArrayList<>(List.of("--plugins-dir", plugins().toString(), "--home", home.toString()));
    all.addAll(List.of(args));
    return CliRun.args(all.toArray(String[]::new));
  }

  CliRun.Result run(String... args) {
    return args(args).run();
  }

  /** The command with {@code values} given as {@code PLUGBOARD_WOOCOMMERCE_<FIELD>} environment variables. */
  CliRun given(Map<String, String> values, String... args) {
    CliRun run = args(args);
    values.forEach((field, value) -> run.env(variable(field), value));
    return run;
  }

  /** {@code PLUGBOARD_WOOCOMMERCE_CONSUMER_SECRET} for {@code consumer_secret}. */
  static String variable(String field) {
    return "PLUGBOARD_WOOCOMMERCE_" + field.toUpperCase(Locale.ROOT);
  }

  /** {@code out} read as exactly one JSON document: trailing content fails the read. */
  static JsonNode json(String out) {
    return Mappers.strictJson().readTree(out);
  }

  /** The elements of a JSON array. */
  static Stream<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
