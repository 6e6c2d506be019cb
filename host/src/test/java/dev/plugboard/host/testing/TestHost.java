package dev.plugboard.host.testing;

import dev.plugboard.host.Plugboard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real host over a temporary plugins folder, shared by the tests of one class: built before
 * them, closed and deleted after.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestHost host = new TestHost(plugins -> TestPluginJar.connector("minimal", "minimal").writeTo(plugins));
 *
 * @Test void ... { host.plugboard().form("minimal") ... }
 * }</pre>
 */
public final class TestHost implements BeforeAllCallback, AfterAllCallback {

  private final Consumer<Path> pluginJars;
  private final List<String> allowedHosts;
  private Path dir;
  private Plugboard plugboard;

  /**
   * @param pluginJars writes the plugin jars into the folder it is given
   * @param allowedHosts {@code HOST[:PORT]} to add to every allow-list
   */
  public TestHost(Consumer<Path> pluginJars, String... allowedHosts) {
    this.pluginJars = pluginJars;
    this.allowedHosts = List.of(allowedHosts);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("plugboard-test");
    pluginJars.accept(pluginsDir());
    Plugboard.Builder builder = Plugboard.builder().pluginsDir(pluginsDir()).home(dir.resolve("home"));
    allowedHosts.forEach(builder::allowHost);
    plugboard = builder.build();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    plugboard.close();
    TestFolders.delete(dir);
  }

  public Plugboard plugboard() {
    return plugboard;
  }

  /** The folder the plugin jars are in, for {@code --plugins-dir}. */
  public Path pluginsDir() {
    return dir.resolve("plugins");
  }
}
