package dev.plugboard.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built distribution, unpacked anywhere and run through its real launcher. */
final class DistributionIT {

  @TempDir Path elsewhere;

  @Test
  void listsTheBigCommercePluginFromAnyWorkingDirectory() {
    Launcher.Result result = Launcher.run(Launcher.distribution().resolve("bin/plugboard"), "plugins").in(elsewhere).go();

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Plugins in " + Launcher.distribution().resolve("plugins"),
        "bigcommerce@0.1.0  loaded  connectors: bigcommerce");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void runsThroughASymbolicLinkChain() throws IOException {
    Path first = Files.createSymbolicLink(elsewhere.resolve("plugboard"), Launcher.distribution().resolve("bin/plugboard"));
    Files.createDirectories(elsewhere.resolve("bin"));
    Path relative = Files.createSymbolicLink(elsewhere.resolve("bin/pb"), Path.of("../plugboard"));

    for (Path link : new Path[] {first, relative}) {
      Launcher.Result result = Launcher.run(link, "describe", "bigcommerce").in(elsewhere).go();
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).contains("BigCommerce (connector bigcommerce, plugin bigcommerce@0.1.0)",
          "Store Inventory         Read-only   store_inventory_read_only");
    }
  }

  @Test
  void theTarballUnpacksToAWorkingInstallationThatTakesDropInPlugins() throws Exception {
    unpack(Launcher.tarball(), elsewhere);
    Path home = elsewhere.resolve("plugboard-0.1.0");
    assertThat(home.resolve("bin/plugboard")).isExecutable();
    assertThat(home.resolve("README.md")).content().contains("plugboard connect");
    assertThat(home.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
    assertThat(home.resolve("man/man1/plugboard.1")).content().startsWith(".TH PLUGBOARD 1").contains(".SH EXIT STATUS");
    TestPluginJar.connector("minimal", "minimal").writeTo(home.resolve("plugins"));
    Files.writeString(home.resolve("plugins/broken.jar"), "not a jar");

    Launcher.Result result = Launcher.run(home.resolve("bin/plugboard"), "plugins").in(elsewhere).go();

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("bigcommerce@0.1.0", "minimal@1.0.0", "connectors: minimal",
        "broken.jar is not a readable jar");
    Launcher.Result describe = Launcher.run(home.resolve("bin/plugboard"), "describe", "minimal").go();
    assertThat(describe.out()).contains("Minimal minimal (connector minimal, plugin minimal@1.0.0)");
  }

  @Test
  void aPluginsFolderGivenOnTheCommandLineOrInTheEnvironmentReplacesTheInstallationsOwn() {
    TestPluginJar.connector("minimal", "minimal").writeTo(elsewhere);
    Path launcher = Launcher.distribution().resolve("bin/plugboard");

    Launcher.Result option = Launcher.run(launcher, "--plugins-dir", elsewhere.toString(), "plugins").go();
    Launcher.Result env = Launcher.run(launcher, "plugins").env("PLUGBOARD_PLUGINS_DIR", elsewhere.toString()).go();

    for (Launcher.Result result : new Launcher.Result[] {option, env}) {
      assertThat(result.out()).contains("minimal@1.0.0").doesNotContain("bigcommerce@");
    }
  }

  @Test
  void saysWhatToDoWhenJavaCannotBeFound() {
    Launcher.Result result = Launcher.run(Path.of("/bin/sh"), Launcher.distribution().resolve("bin/plugboard").toString(),
            "plugins")
        .env("JAVA_HOME", elsewhere.resolve("no-jdk").toString()).go();

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("plugboard: cannot find java", "install Java 17 or newer, or set JAVA_HOME");
  }

  private static void unpack(Path tarball, Path into) throws Exception {
    Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", into.toString()).inheritIO().start();
    assertThat(tar.waitFor()).isZero();
  }
}
