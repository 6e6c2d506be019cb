package dev.plugboard.cli.testing;

import dev.plugboard.cli.CliRun;
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
 * The real {@code plugboard} command line, in-process, over a plugins folder holding a plugin
 * module's own classes packed into its jar (built once per test class), with a fresh, empty home
 * folder for every test. A connector module's tests register it (or a subclass adding its
 * sandbox) as a JUnit extension.
 */
public class PluginCli implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private final String connectorId;
  private Path dir;
  private Path home;

  /** @param connectorId the plugin's id and its connector's, such as {@code shop} */
  protected PluginCli(String connectorId) {
    this.connectorId = connectorId;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("plugboard-cli-test");
    TestPluginJar.plugin(connectorId).directory(Path.of("target/classes")).writeTo(plugins());
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
  public Path plugins() {
    return dir.resolve("plugins");
  }

  /** This test's home folder, for {@code --home}: empty when the test starts. */
  public Path home() {
    return home;
  }

  /** A folder of this test class's own, for a sandbox's host and the like. */
  protected Path folder() {
    return dir;
  }

  /** {@code plugboard --plugins-dir PLUGINS --home HOME ARGS...}, ready to be given more. */
  public CliRun args(String... args) {
    List<String> all = new ArrayList<>(List.of("--plugins-dir", plugins().toString(), "--home", home.toString()));
    all.addAll(List.of(args));
    return CliRun.args(all.toArray(String[]::new));
  }

  public CliRun.Result run(String... args) {
    return args(args).run();
  }

  /** The command with {@code values} given as {@code PLUGBOARD_<CONNECTOR>_<FIELD>} environment variables. */
  public CliRun given(Map<String, String> values, String... args) {
    CliRun run = args(args);
    values.forEach((field, value) -> run.env(variable(connectorId, field), value));
    return run;
  }

  /** {@code PLUGBOARD_SHOP_ACCESS_TOKEN} for connector {@code shop}'s {@code access_token}. */
  public static String variable(String connectorId, String field) {
    return "PLUGBOARD_" + connectorId.toUpperCase(Locale.ROOT) + "_" + field.toUpperCase(Locale.ROOT);
  }

  /** {@code out} read as exactly one JSON document: trailing content fails the read. */
  public static JsonNode json(String out) {
    return Mappers.strictJson().readTree(out);
  }

  /** The elements of a JSON array. */
  public static Stream<JsonNode> elements(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }
}
