package dev.plugboard.host.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds a real plugin jar at test time: a PF4J manifest, extension classes copied from the test
 * class path (listed in {@code META-INF/extensions.idx}) and any data files.
 *
 * <pre>{@code
 * Path jar = TestPluginJar.plugin("minimal")
 *     .extension(FixtureConnector.class)
 *     .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal("minimal"))
 *     .writeTo(pluginsDir);
 * }</pre>
 */
public final class TestPluginJar {

  /** The requirement this build's plugins declare. */
  public static final String REQUIRES = ">=1.0.0 & <2.0.0";

  private final Map<String, String> manifest = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final List<String> extensions = new ArrayList<>();
  private String fileName;
  private boolean withManifest = true;

  private TestPluginJar(String pluginId) {
    manifest.put("Plugin-Id", pluginId);
    manifest.put("Plugin-Version", "1.0.0");
    manifest.put("Plugin-Requires", REQUIRES);
    fileName = pluginId + ".jar";
  }

  public static TestPluginJar plugin(String pluginId) {
    return new TestPluginJar(pluginId);
  }

  /** The minimal valid connector plugin: {@link FixtureConnector} with {@link TestDescriptors#minimal}. */
  public static TestPluginJar connector(String pluginId, String connectorId) {
    return plugin(pluginId).extension(FixtureConnector.class).file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimal(connectorId));
  }

  public TestPluginJar version(String version) {
    manifest.put("Plugin-Version", version);
    return this;
  }

  public TestPluginJar requires(String requires) {
    manifest.put("Plugin-Requires", requires);
    return this;
  }

  /** Sets or, with {@code null}, removes a manifest attribute. */
  public TestPluginJar manifestEntry(String name, String value) {
    if (value == null) {
      manifest.remove(name);
    } else {
      manifest.put(name, value);
    }
    return this;
  }

  /** Leaves {@code META-INF/MANIFEST.MF} out altogether. */
  public TestPluginJar withoutManifest() {
    withManifest = false;
    return this;
  }

  public TestPluginJar fileName(String fileName) {
    this.fileName = fileName;
    return this;
  }

  /** Copies {@code type}'s class file (and its nested classes') into the jar and lists it as an extension. */
  public TestPluginJar extension(Class<?> type) {
    copyClass(type);
    extensions.add(type.getName());
    return this;
  }

  /**
   * Copies {@code type}'s class file, and those of its nested classes, into the jar without
   * listing it as an extension. Works whether the class comes from a folder or a jar.
   */
  public TestPluginJar copyClass(Class<?> type) {
    String resource = type.getName().replace('.', '/') + ".class";
    String folder = resource.substring(0, resource.lastIndexOf('/') + 1);
    Path classFile = classFile(type, resource);
    try (Stream<Path> siblings = Files.list(classFile.getParent())) {
      siblings.map(p -> p.getFileName().toString())
          .filter(name -> name.equals(type.getSimpleName() + ".class") || name.startsWith(type.getSimpleName() + "$"))
          .forEach(name -> file(folder + name, read(classFile.resolveSibling(name))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Adds every file under {@code directory} (a module's {@code target/classes}, say). */
  public TestPluginJar directory(Path directory) {
    try (Stream<Path> all = Files.walk(directory)) {
      all.filter(Files::isRegularFile).forEach(p -> {
        String name = directory.relativize(p).toString().replace('\\', '/');
        if (name.equals("META-INF/extensions.idx")) {
          new String(read(p), StandardCharsets.UTF_8).lines()
              .filter(line -> !line.isBlank() && !line.startsWith("#"))
              .forEach(extensions::add);
        } else if (!name.equals("META-INF/MANIFEST.MF")) {
          file(name, read(p));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public TestPluginJar file(String name, String text) {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  public TestPluginJar file(String name, byte[] bytes) {
    files.put(name, bytes);
    return this;
  }

  /** Writes the jar into {@code dir} and returns its path. */
  public Path writeTo(Path dir) {
    Path jar = dir.resolve(fileName);
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream jarOut = withManifest ? new JarOutputStream(out, manifest()) : new JarOutputStream(out)) {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
          put(jarOut, file.getKey(), file.getValue());
        }
        if (!extensions.isEmpty()) {
          put(jarOut, "META-INF/extensions.idx", String.join("\n", extensions).concat("\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Manifest manifest() {
    Manifest result = new Manifest();
    Attributes attributes = result.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((name, value) -> attributes.put(new Attributes.Name(name), value));
    return result;
  }

  private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    jar.putNextEntry(new JarEntry(name));
    jar.write(bytes);
    jar.closeEntry();
  }

  private static Path classFile(Class<?> type, String resource) {
    try {
      URI uri = type.getClassLoader().getResource(resource).toURI();
      if (uri.getScheme().equals("jar")) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
          // opened by an earlier call; Path.of(uri) finds it
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot find the class file of " + type.getName(), e);
    }
  }

  private static byte[] read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
