package dev.plugboard.host.internal.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.PluginStatus;
import dev.plugboard.host.UnknownConnectorException;
import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.HostilePlugins;
import dev.plugboard.host.testing.LookAlikePackageConnector;
import dev.plugboard.host.testing.SecondFixtureConnector;
import dev.plugboard.host.testing.SleepingPlugin;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestPluginJar;
import dev.plugboard.host.testing.ThrowingConnector;
import dev.plugboard.host.testing.ThrowingDescriptorConnector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Each broken plugin is refused with its reason while the host and a good plugin beside it keep
 * working. Every case builds its own jar.
 */
final class PluginRegistryTest {

  /** Deadline for the plugins that never return: short, so that the suite does not wait. */
  private static final Duration SHORT = Duration.ofMillis(300);

  @TempDir Path plugins;

  @Test
  void loadsAConnectorFromAJarDroppedIntoTheFolder() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThat(registry.plugins()).singleElement().satisfies(plugin -> {
        assertThat(plugin.label()).isEqualTo("minimal@1.0.0");
        assertThat(plugin.state()).isEqualTo(PluginStatus.State.LOADED);
        assertThat(plugin.connectors()).containsExactly("minimal");
      });
      assertThat(registry.connector("minimal").descriptor().scopes()).hasSize(2);
    }
  }

  @Test
  void aPluginMayContributeSeveralConnectors() {
    TestPluginJar.connector("two", "first")
        .extension(SecondFixtureConnector.class)
        .file(SecondFixtureConnector.DESCRIPTOR, TestDescriptors.minimal("second"))
        .writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThat(registry.plugins().get(0).connectors()).containsExactly("first", "second");
      assertThat(registry.connectors()).extracting(LoadedConnector::id).containsExactly("first", "second");
    }
  }

  @Test
  void aCorruptJarIsReportedAndTheOtherPluginsLoad() throws IOException {
    Files.write(plugins.resolve("corrupt.jar"), "this is not a zip file".getBytes(StandardCharsets.UTF_8));

    assertFailsBesideAGoodPlugin("corrupt.jar", "is not a readable jar");
  }

  @Test
  void aJarWithoutAPluginManifestIsReported() {
    TestPluginJar.connector("nomanifest", "nomanifest").withoutManifest().writeTo(plugins);

    assertFailsBesideAGoodPlugin("nomanifest.jar", "is not a Plugboard plugin: its META-INF/MANIFEST.MF has no Plugin-Id");
  }

  @Test
  void aDescriptorWithAnUnknownKeyNamesTheKeyAndItsPlace() {
    TestPluginJar.plugin("unknownkey").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("unknownkey").replace("    help: The API address.", "    colour: blue\n    help: The API address."))
        .writeTo(plugins);

    assertFailsBesideAGoodPlugin("unknownkey@1.0.0",
        "plugboard/connector.yaml: fields[0].colour: unknown key colour", "(line 15, column 5)");
  }

  @Test
  void aMisspeltKeyInsideAKeyAFileMayLeaveOutIsReportedAsUnknownThere() {
    TestPluginJar.plugin("misspeltprobe").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("misspeltprobe")
            .replace("probe: {path: 'orders?limit=1'", "probe: {pth: 'orders?limit=1'"))
        .writeTo(plugins);

    assertFailsBesideAGoodPlugin("misspeltprobe@1.0.0",
        "plugboard/connector.yaml: scopes[0].probe.pth: unknown key pth (known keys: answers, granted, method,");
  }

  @Test
  void aMisspeltTopLevelKeyIsReportedAsUnknownNotAsTheKeyItWasMeantToBe() {
    TestPluginJar.plugin("misspelt").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("misspelt").replace("summary:", "sumary:"))
        .writeTo(plugins);

    assertFailsBesideAGoodPlugin("misspelt@1.0.0",
        "plugboard/connector.yaml: sumary: unknown key sumary (known keys: credentials, credentialsFile, diagnoses,",
        "(line 3, column 1)");
  }

  @Test
  void aDescriptorWithAnInvalidRegexNamesTheField() {
    TestPluginJar.plugin("badregex").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("badregex").replace("'^[a-z0-9]{8,64}$'", "'^[a-z0-9{8,64}$'"))
        .writeTo(plugins);

    assertFailsBesideAGoodPlugin("badregex@1.0.0",
        "plugboard/connector.yaml: fields[1]: pattern is not a valid regular expression");
  }

  @Test
  void aScopeWithoutAProbeIsRefused() {
    TestPluginJar.plugin("noprobe").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("noprobe").replace("    probe: {path: 'customers?limit=1', granted: [200]}\n", ""))
        .writeTo(plugins);

    assertFailsBesideAGoodPlugin("noprobe@1.0.0",
        "plugboard/connector.yaml: scopes[1]: probe is missing for scope Customers");
  }

  @Test
  void aTemplateNamingAFieldThatDoesNotExistIsRefused() {
    TestPluginJar.plugin("badtemplate").extension(FixtureConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("badtemplate").replace("'Bearer {token}'", "'Bearer {tokn}'"))
        .writeTo(plugins);

    assertFailsBesideAGoodPlugin("badtemplate@1.0.0",
        "plugboard/connector.yaml: http.headers.Authorization names {tokn}, but there is no field tokn");
  }

  @Test
  void anExtensionWhoseConstructorThrowsIsReportedWithTheCause() {
    TestPluginJar.plugin("throwing").extension(ThrowingConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("throwing"))
        .writeTo(plugins);

    assertFailsBesideAGoodPlugin("throwing@1.0.0",
        "extension dev.plugboard.host.testing.ThrowingConnector failed in its constructor",
        "cannot start: configuration missing");
  }

  @Test
  void anExtensionThatThrowsWhenAskedForItsDescriptorIsReportedWithTheCause() {
    TestPluginJar.plugin("nodescriptor").extension(ThrowingDescriptorConnector.class).writeTo(plugins);

    assertFailsBesideAGoodPlugin("nodescriptor@1.0.0",
        "extension dev.plugboard.host.testing.ThrowingDescriptorConnector failed to name its descriptor",
        "descriptor not packaged");
  }

  @Test
  void aPluginThatRequiresANewerPluginApiIsRefused() {
    TestPluginJar.connector("future", "future").requires(">=2.0.0").writeTo(plugins);

    assertFailsBesideAGoodPlugin("future@1.0.0",
        "requires plugin-api >=2.0.0, but this host provides plugin-api " + dev.plugboard.api.PluginApi.VERSION);
  }

  @Test
  void twoPluginsContributingOneConnectorAreBothRefused() {
    TestPluginJar.connector("first", "shared").writeTo(plugins);
    TestPluginJar.connector("second", "shared").writeTo(plugins);
    TestPluginJar.connector("good", "good").writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThat(registry.connectors()).extracting(LoadedConnector::id).containsExactly("good");
      assertThat(failed(registry, "first").problem()).contains("contributes connector shared, which second@1.0.0 also contributes");
      assertThat(failed(registry, "second").problem()).contains("which first@1.0.0 also contributes");
    }
  }

  @Test
  void aConnectorNamedBeforeAnyListingIsRefusedWhenAnotherPluginOffersItsIdToo() {
    TestPluginJar.connector("first", "shared").writeTo(plugins);
    TestPluginJar.connector("second", "shared").writeTo(plugins);
    TestPluginJar.connector("good", "good").writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThat(registry.connector("good").pluginId()).isEqualTo("good");
    }
    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThatThrownBy(() -> registry.connector("shared")).isInstanceOf(UnknownConnectorException.class)
          .hasMessageContaining("good");
    }
  }

  @Test
  void aConnectorNamedBeforeAnyListingIsRefusedWhenAnotherConnectorOfItsPluginIsOfferedTwice() {
    TestPluginJar.connector("two", "first")
        .extension(SecondFixtureConnector.class)
        .file(SecondFixtureConnector.DESCRIPTOR, TestDescriptors.minimal("second"))
        .writeTo(plugins);
    TestPluginJar.connector("other", "second").writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThatThrownBy(() -> registry.connector("first")).isInstanceOf(UnknownConnectorException.class);
      assertThat(failed(registry, "two").problem()).contains("contributes connector second, which other@1.0.0 also contributes");
    }
  }

  @Test
  void aBrokenDescriptorGivingTheSameIdDoesNotRefuseTheConnectorNamed() {
    TestPluginJar.connector("good", "shared").writeTo(plugins);
    TestPluginJar.connector("broken", "shared")
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("shared") + "sumary: misspelt\n")
        .writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThat(registry.connector("SHARED").pluginId()).isEqualTo("good");
      assertThat(failed(registry, "broken").problem()).contains("unknown key sumary");
    }
  }

  @Test
  void aPluginWithoutPluginRequiresIsRefused() {
    TestPluginJar.connector("norequires", "norequires").manifestEntry("Plugin-Requires", null).writeTo(plugins);

    assertFailsBesideAGoodPlugin("norequires@1.0.0", "declares no Plugin-Requires");
  }

  @Test
  void aPluginWithNoConnectorIsReported() {
    TestPluginJar.plugin("empty").file("readme.txt", "nothing here").writeTo(plugins);

    assertFailsBesideAGoodPlugin("empty@1.0.0", "contributes no connector");
  }

  @Test
  void aDescriptorFileMissingFromTheJarIsReported() {
    TestPluginJar.plugin("nofile").extension(FixtureConnector.class).writeTo(plugins);

    assertFailsBesideAGoodPlugin("nofile@1.0.0", "plugboard/connector.yaml: no such file in the plugin jar");
  }

  @Test
  void aPluginThatBundlesThePluginApiStillSharesTheHostsTypes() {
    TestPluginJar.connector("bundled", "bundled").copyClass(dev.plugboard.api.Connector.class).writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThat(registry.connector("bundled").descriptor().id()).isEqualTo("bundled");
    }
  }

  @Test
  void aPluginMayBundleAPackageThatOnlyLooksLikeTheJavaRuntimes() {
    TestPluginJar.plugin("lookalike")
        .extension(LookAlikePackageConnector.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("lookalike"))
        .file(LookAlikePackageConnector.BUNDLED_CLASS.replace('.', '/') + ".class",
            emptyClass(LookAlikePackageConnector.BUNDLED_CLASS))
        .writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThat(registry.connector("lookalike").descriptor().id()).isEqualTo("lookalike");
    }
  }

  /** A public class with nothing in it, as the class file a plugin could bundle. */
  private static byte[] emptyClass(String className) {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, className.replace('.', '/'), null,
        "java/lang/Object", null);
    writer.visitEnd();
    return writer.toByteArray();
  }

  @Test
  void aConstructorThatNeverReturnsFailsItsPluginAtTheDeadlineAndTheOthersLoad() {
    hostile("sleepy", HostilePlugins.SleepingConstructor.class).writeTo(plugins);

    assertFailsBesideAGoodPlugin(SHORT, "sleepy@1.0.0",
        "the constructor of dev.plugboard.host.testing.HostilePlugins$SleepingConstructor did not return within 300 ms"
            + " and was abandoned");
  }

  @Test
  void aDescriptorMethodThatNeverReturnsFailsItsPlugin() {
    hostile("sleepydescriptor", HostilePlugins.SleepingDescriptor.class).writeTo(plugins);

    assertFailsBesideAGoodPlugin(SHORT, "sleepydescriptor@1.0.0",
        "descriptor() of dev.plugboard.host.testing.HostilePlugins$SleepingDescriptor did not return within 300 ms");
  }

  @Test
  void aStaticInitialiserThatNeverReturnsFailsItsPlugin() {
    hostile("sleepystatic", HostilePlugins.SleepingStaticInitialiser.class).writeTo(plugins);

    assertFailsBesideAGoodPlugin(SHORT, "sleepystatic@1.0.0",
        "loading extension dev.plugboard.host.testing.HostilePlugins$SleepingStaticInitialiser did not return within 300 ms");
  }

  @Test
  void aPluginClassThatNeverStartsFailsItsPlugin() {
    TestPluginJar.connector("sleepystart", "sleepystart").manifestEntry("Plugin-Class", SleepingPlugin.class.getName())
        .copyClass(SleepingPlugin.class).copyClass(HostilePlugins.class).writeTo(plugins);

    assertFailsBesideAGoodPlugin(SHORT, "sleepystart@1.0.0",
        "failed to start: starting (Plugin-Class " + SleepingPlugin.class.getName() + ") did not return within 300 ms");
  }

  @Test
  void aJarThatIsANamedPipeIsRefusedWithoutBeingOpened() throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", plugins.resolve("pipe.jar").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    assertFailsBesideAGoodPlugin("pipe.jar", "is not a regular file (a named pipe, a device or a broken link)");
  }

  @Test
  void aFolderNamedLikeAJarIsRefused() throws IOException {
    Files.createDirectories(plugins.resolve("folder.jar"));

    assertFailsBesideAGoodPlugin("folder.jar", "is a folder, not a jar file");
  }

  @Test
  void aConstructorCallingSystemExitIsRefusedAndFailsItsPlugin() {
    hostile("exiting", HostilePlugins.ExitingConstructor.class).writeTo(plugins);

    assertFailsBesideAGoodPlugin("exiting@1.0.0",
        "the constructor of dev.plugboard.host.testing.HostilePlugins$ExitingConstructor called System.exit(7) in"
            + " dev.plugboard.host.testing.HostilePlugins$ExitingConstructor to end the process; Plugboard refused it");
  }

  @Test
  void aDescriptorMethodCallingRuntimeHaltIsRefusedAndFailsItsPlugin() {
    hostile("halting", HostilePlugins.HaltingDescriptor.class).writeTo(plugins);

    assertFailsBesideAGoodPlugin("halting@1.0.0", "called Runtime.halt(9)", "Plugboard refused it");
  }

  @Test
  void aStaticInitialiserExitingThroughAMethodReferenceIsRefused() {
    hostile("exitingstatic", HostilePlugins.ExitingStaticInitialiser.class).writeTo(plugins);

    assertFailsBesideAGoodPlugin("exitingstatic@1.0.0", "called Runtime.exit(5)", "Plugboard refused it");
  }

  @Test
  void aPluginThatSwallowsTheRefusalOfItsExitIsFailedAllTheSame() {
    hostile("swallowing", HostilePlugins.ExitSwallowingConstructor.class).writeTo(plugins);

    assertFailsBesideAGoodPlugin("swallowing@1.0.0", "called System.exit(1)", "Plugboard refused it");
  }

  @Test
  void aDescriptorLargerThanOneMebibyteIsRefusedInWordsWithoutReadingItAll() {
    byte[] bomb = new byte[64 * 1024 * 1024]; // compresses to a few dozen kilobytes in the jar
    java.util.Arrays.fill(bomb, (byte) ' ');
    TestPluginJar.plugin("zipbomb").extension(FixtureConnector.class).file(FixtureConnector.DESCRIPTOR, bomb).writeTo(plugins);

    assertFailsBesideAGoodPlugin("zipbomb@1.0.0",
        "plugboard/connector.yaml is larger than 1 MiB, far more than such a file holds");
  }

  @Test
  void aHugeManifestIsRefusedInWords() {
    TestPluginJar.connector("hugemanifest", "hugemanifest").manifestEntry("X-Padding", "x".repeat(2 * 1024 * 1024))
        .writeTo(plugins);

    assertFailsBesideAGoodPlugin("hugemanifest.jar", "META-INF/MANIFEST.MF is larger than 1 MiB");
  }

  @Test
  void aBrokenCopyOfAPluginNeverShadowsTheGoodOneWhicheverSortsFirst() {
    for (String brokenName : List.of("aaa-copy.jar", "zzz-copy.jar")) {
      Path dir = plugins.resolve(brokenName.substring(0, 3));
      TestPluginJar.connector("shop", "shop").fileName("shop.jar").writeTo(dir);
      TestPluginJar.plugin("shop").extension(FixtureConnector.class).fileName(brokenName).writeTo(dir);

      try (PluginRegistry registry = PluginRegistry.load(dir)) {
        assertThat(registry.connector("shop").descriptor().id()).isEqualTo("shop");
        assertThat(registry.plugins()).hasSize(2);
        PluginStatus loaded = registry.plugins().stream().filter(p -> p.state() == PluginStatus.State.LOADED).findFirst().orElseThrow();
        PluginStatus refused = registry.plugins().stream().filter(p -> p.state() == PluginStatus.State.FAILED).findFirst().orElseThrow();
        assertThat(loaded.jar().getFileName()).hasToString("shop.jar");
        assertThat(refused.jar().getFileName()).hasToString(brokenName);
        assertThat(refused.problem()).doesNotContain("PluginAlreadyLoaded", "There is an already loaded plugin");
        if (brokenName.startsWith("aaa")) {
          assertThat(refused.problem()).contains("plugboard/connector.yaml: no such file in the plugin jar",
              "another jar of this plugin, shop.jar, is used instead");
        } else {
          assertThat(refused.problem()).contains("is another jar of plugin shop, which shop.jar already provides"
              + " (shop@1.0.0); remove one of the two jars");
        }
      }
    }
  }

  @Test
  void twoGoodCopiesOfAPluginLoadTheFirstByFileNameAndReportTheOther() {
    TestPluginJar.connector("shop", "shop").fileName("b.jar").writeTo(plugins);
    TestPluginJar.connector("shop", "shop").fileName("a.jar").writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      assertThat(registry.plugins()).extracting(p -> p.jar().getFileName().toString() + " " + p.state())
          .containsExactly("a.jar LOADED", "b.jar FAILED");
    }
  }

  private static TestPluginJar hostile(String pluginId, Class<?> extension) {
    return TestPluginJar.plugin(pluginId).extension(extension).copyClass(HostilePlugins.class)
        .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal(pluginId));
  }

  private void assertFailsBesideAGoodPlugin(String label, String... reason) {
    assertFailsBesideAGoodPlugin(PluginCalls.DEFAULT_DEADLINE, label, reason);
  }

  private void assertFailsBesideAGoodPlugin(Duration deadline, String label, String... reason) {
    TestPluginJar.connector("good", "good").writeTo(plugins);

    try (PluginRegistry registry = PluginRegistry.load(plugins, deadline)) {
      assertThat(registry.connectors()).extracting(LoadedConnector::id).containsExactly("good");
      List<PluginStatus> failures = registry.plugins().stream().filter(p -> p.state() == PluginStatus.State.FAILED).toList();
      assertThat(failures).singleElement().satisfies(failure -> {
        assertThat(failure.label()).isEqualTo(label);
        assertThat(failure.problem()).contains(reason);
      });
    }
  }

  private static PluginStatus failed(PluginRegistry registry, String id) {
    return registry.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }
}
