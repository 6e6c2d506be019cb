package dev.plugboard.bigcommerce;

import dev.plugboard.host.cli.CliRun;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code plugboard} command line, in-process, over a plugins folder holding this module's
 * classes packed into the BigCommerce plugin jar, with a home folder of its own.
 *
 * <pre>{@code
 * BigCommerceCli cli = BigCommerceCli.over(plugins, home);
 * CliRun.Result result = cli.run("verify", "bigcommerce", "--sandbox");
 * CliRun.Result viaEnv = cli.given(sandbox.values(), "--allow-host", sandbox.address(), "verify", "bigcommerce").run();
 * }</pre>
 */
final class BigCommerceCli {

  private final Path plugins;
  private final Path home;

  private BigCommerceCli(Path plugins, Path home) {
    this.plugins = plugins;
    this.home = home;
  }

  /** Packs {@code target/classes} into a plugin jar in {@code plugins}, unless one is there already. */
  static BigCommerceCli over(Path plugins, Path home) {
    if (!Files.exists(plugins.resolve("bigcommerce.jar"))) {
      pluginJar(plugins);
    }
    return new BigCommerceCli(plugins, home);
  }

  /** Writes the BigCommerce plugin jar, built from this module's classes, into {@code plugins}. */
  static Path pluginJar(Path plugins) {
    return TestPluginJar.plugin("bigcommerce").directory(Path.of("target/classes")).writeTo(plugins);
  }

  Path home() {
    return home;
  }

  Path plugins() {
    return plugins;
  }

  /** {@code plugboard --plugins-dir PLUGINS --home HOME ARGS...}, ready to be given more. */
  CliRun args(String... args) {
    List<String> all = new ArrayList<>(List.of("--plugins-dir", plugins.toString(), "--home", home.toString()));
    all.addAll(List.of(args));
    return CliRun.args(all.toArray(String[]::new));
  }

  CliRun.Result run(String... args) {
    return args(args).run();
  }

  /** The command with {@code values} given as {@code PLUGBOARD_BIGCOMMERCE_<FIELD>} environment variables. */
  CliRun given(Map<String, String> values, String... args) {
    CliRun run = args(args);
    values.forEach((field, value) -> run.env(variable(field), value));
    return run;
  }

  /** {@code PLUGBOARD_BIGCOMMERCE_ACCESS_TOKEN} for {@code access_token}. */
  static String variable(String field) {
    return "PLUGBOARD_BIGCOMMERCE_" + field.toUpperCase(Locale.ROOT);
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
