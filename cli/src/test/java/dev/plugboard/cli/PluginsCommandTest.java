package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.HostilePlugins;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

final class PluginsCommandTest {

  @TempDir Path plugins;

  @Test
  void listsLoadedPluginsWithTheirConnectorsAndFailedOnesWithTheReasonOnOneLine() throws Exception {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);
    Files.writeString(plugins.resolve("broken.jar"), "not a jar");

    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "plugins").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).contains("Plugins in " + plugins.toRealPath());
    assertThat(result.out().lines())
        .anySatisfy(line -> assertThat(line).contains("minimal@1.0.0", "loaded", "connectors: minimal"))
        .anySatisfy(line -> assertThat(line).contains("broken.jar", "failed", "broken.jar is not a readable jar"));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void twoGoodJarsWithTheSamePluginIdEachGetTheirLineOneLoadedTheOtherRefusedWithTheReason() {
    TestPluginJar.connector("minimal", "minimal").fileName("minimal-a.jar").writeTo(plugins);
    TestPluginJar.connector("minimal", "minimal").fileName("minimal-b.jar").writeTo(plugins);
    TestPluginJar.connector("other", "other").writeTo(plugins);

    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "plugins").run();

    assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
    assertThat(result.out().lines().filter(line -> line.startsWith("  "))).hasSize(3)
        .anySatisfy(line -> assertThat(line).contains("minimal@1.0.0", "loaded", "connectors: minimal"))
        .anySatisfy(line -> assertThat(line).contains("minimal@1.0.0", "failed", "minimal-b.jar", "minimal-a.jar"))
        .anySatisfy(line -> assertThat(line).contains("other@1.0.0", "loaded"));
  }

  @Test
  void hostilePluginsAreEachFailedOnALineOfTheirOwnAndTheGoodConnectorStillWorks() throws Exception {
    TestPluginJar.connector("shop", "shop").fileName("shop.jar").writeTo(plugins);
    TestPluginJar.plugin("shop").extension(FixtureConnector.class).fileName("aaa-broken-shop.jar").writeTo(plugins);
    TestPluginJar.plugin("exiting").extension(HostilePlugins.ExitingConstructor.class).copyClass(HostilePlugins.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("exiting")).writeTo(plugins);
    Path sleepy = TestPluginJar.plugin("sleepy").extension(HostilePlugins.SleepingConstructor.class)
        .copyClass(HostilePlugins.class).file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("sleepy")).writeTo(plugins);
    assertThat(new ProcessBuilder("mkfifo", plugins.resolve("pipe.jar").toString()).start().waitFor()).isZero();

    CliRun.Result listed = CliRun.args("--plugins-dir", plugins.toString(), "plugins").run();

    assertThat(listed.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(listed.out().lines().filter(line -> line.startsWith("  "))).hasSize(5)
        .anySatisfy(line -> assertThat(line).contains("shop@1.0.0", "loaded", "connectors: shop"))
        .anySatisfy(line -> assertThat(line).contains("shop@1.0.0", "failed", "aaa-broken-shop.jar",
            "no such file in the plugin jar", "another jar of this plugin, shop.jar, is used instead"))
        .anySatisfy(line -> assertThat(line).contains("exiting@1.0.0", "failed", "called System.exit(7)", "Plugboard refused it"))
        .anySatisfy(line -> assertThat(line).contains("sleepy@1.0.0", "failed", "did not return within 5 s and was abandoned"))
        .anySatisfy(line -> assertThat(line).contains("pipe.jar", "failed", "is not a regular file"));
    assertThat(listed.out()).doesNotContain("PluginAlreadyLoaded", "There is an already loaded plugin");

    Files.delete(sleepy); // one wait for the deadline is enough
    CliRun.Result described = CliRun.args("--plugins-dir", plugins.toString(), "describe", "shop").run();
    assertThat(described.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(described.out()).contains("(connector shop, plugin shop@1.0.0)");
  }

  @Test
  void printsOneJsonDocumentWithJson() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);
    TestPluginJar.connector("future", "future").requires(">=2.0.0").writeTo(plugins);

    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "plugins", "--json").run();

    JsonNode json = Mappers.strictJson().readTree(result.out());
    assertThat(json.get("plugins")).hasSize(2);
    assertThat(json.get("plugins").get(0).get("id").asString()).isEqualTo("future");
    assertThat(json.get("plugins").get(0).get("state").asString()).isEqualTo("failed");
    assertThat(json.get("plugins").get(0).get("problem").asString()).contains("requires plugin-api >=2.0.0");
    assertThat(json.get("plugins").get(1).get("connectors").get(0).asString()).isEqualTo("minimal");
  }

  @Test
  void saysWhatToDoWhenTheFolderHoldsNoPlugin() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "plugins").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).contains("none: put connector plugin jars in this folder");
  }

  @Test
  void aMissingPluginsFolderIsBadUsageNotACrash() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.resolve("nope").toString(), "plugins").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("plugins folder", "nope does not exist", "--plugins-dir DIR");
    assertThat(result.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void thePluginsFolderComesFromTheEnvironmentWhenNotGiven() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);

    CliRun.Result result = CliRun.args("plugins").env("PLUGBOARD_PLUGINS_DIR", plugins.toString()).run();

    assertThat(result.out()).contains("minimal@1.0.0");
  }

  @Test
  void checkPrintsEveryDefectOfADescriptorFileWithItsLineAndExits2() throws Exception {
    Path descriptor = plugins.resolve("shop.yaml");
    Files.writeString(descriptor, TestDescriptors.minimal("shop")
        .replace("pattern: '^[a-z0-9]{8,64}$'", "pattern: '^[a-z0-9'")
        .replace("probe: {path: 'customers?limit=1', granted: [200]}", "probe: {method: DELETE, path: customers, granted: [200]}"));

    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "plugins", "check", descriptor.toString()).run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.out()).contains("failed  shop.yaml", "2 defects");
    assertThat(result.out().lines())
        .anySatisfy(line -> assertThat(line).contains("fields[1]: pattern is not a valid regular expression", "(line "))
        .anySatisfy(line -> assertThat(line).contains("scopes[1].probe: method is DELETE", "sideEffectFree", "(line "));
  }

  @Test
  void checkOfAGoodJarNamesItsConnectorsAndExits0AndOfAMissingPathSaysSoWithExit2() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);

    CliRun.Result good = CliRun.args("--plugins-dir", plugins.toString(), "plugins", "check",
        plugins.resolve("minimal.jar").toString()).run();
    CliRun.Result missing = CliRun.args("--plugins-dir", plugins.toString(), "plugins", "check",
        plugins.resolve("nothing.yaml").toString()).run();

    assertThat(good.exitCode()).as(good.all()).isEqualTo(ExitCode.OK);
    assertThat(good.out()).contains("ok      minimal@1.0.0", "connectors minimal");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("does not exist; give a plugin jar, a folder of them, or a descriptor file");
  }
}
