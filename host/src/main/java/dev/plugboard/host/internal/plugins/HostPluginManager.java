package dev.plugboard.host.internal.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J, set up for drop-in jars: jars only, every plugin enabled, host-first class loading for
 * the shared packages, and a failure to load one jar recorded with its reason instead of logged
 * and forgotten.
 */
final class HostPluginManager extends JarPluginManager {

  /** Jars that could not be loaded at all, with the reason. Filled by {@link #loadPlugins()}. */
  private final List<JarFailure> jarFailures = new ArrayList<>();

  /** Every plugin that got as far as a wrapper, by id; PF4J drops some of them while resolving. */
  private final Map<String, PluginWrapper> loaded = new LinkedHashMap<>();

  record JarFailure(Path jar, String id, String version, String reason) {}

  HostPluginManager(Path pluginsDir, String apiVersion) {
    super(pluginsDir);
    setSystemVersion(apiVersion);
    // One plugin with a missing dependency must not stop the others from loading.
    setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
  }

  List<JarFailure> jarFailures() {
    return List.copyOf(jarFailures);
  }

  /** Plugins that were read but then dropped by PF4J while resolving their dependencies. */
  List<PluginWrapper> droppedWhileResolving() {
    return loaded.values().stream().filter(wrapper -> getPlugin(wrapper.getPluginId()) == null).toList();
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected PluginRepository createPluginRepository() {
    return new JarPluginRepository(getPluginsRoots());
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new JarPluginLoader(this) {
      @Override
      protected PluginClassLoader createPluginClassLoader(Path jar, PluginDescriptor descriptor) {
        return new HostFirstClassLoader(pluginManager, descriptor, HostPluginManager.class.getClassLoader());
      }
    };
  }

  @Override
  protected PluginStatusProvider createPluginStatusProvider() {
    return new EveryPluginEnabled();
  }

  /**
   * PF4J logs a jar it cannot load and moves on; this records why, so that {@code plugboard
   * plugins} can say so. Returning {@code null} is PF4J's own convention for a skipped jar.
   */
  @Override
  protected PluginWrapper loadPluginFromPath(Path jar) {
    String[] idAndVersion = {"", ""};
    try {
      Attributes manifest = pluginManifest(jar);
      idAndVersion[0] = valueOrEmpty(manifest.getValue(ManifestPluginDescriptorFinder.PLUGIN_ID));
      idAndVersion[1] = valueOrEmpty(manifest.getValue(ManifestPluginDescriptorFinder.PLUGIN_VERSION));
      checkManifest(manifest);
      PluginWrapper wrapper = super.loadPluginFromPath(jar);
      loaded.put(wrapper.getPluginId(), wrapper);
      return wrapper;
    } catch (RuntimeException | LinkageError e) {
      jarFailures.add(new JarFailure(jar, idAndVersion[0], idAndVersion[1], reason(e)));
      return null;
    }
  }

  private static Attributes pluginManifest(Path jar) {
    Manifest manifest;
    try (JarFile jarFile = new JarFile(jar.toFile())) {
      manifest = jarFile.getManifest();
    } catch (ZipException e) {
      throw new PluginLoadException("is not a readable jar (" + e.getMessage() + "); build or download it again");
    } catch (IOException e) {
      throw new PluginLoadException("cannot be read: " + e.getMessage());
    }
    return manifest == null ? new Attributes() : manifest.getMainAttributes();
  }

  private static void checkManifest(Attributes attributes) {
    String id = attributes.getValue(ManifestPluginDescriptorFinder.PLUGIN_ID);
    if (id == null || id.isBlank()) {
      throw new PluginLoadException(
          "is not a Plugboard plugin: its META-INF/MANIFEST.MF has no Plugin-Id (a plugin names Plugin-Id,"
              + " Plugin-Version and Plugin-Requires)");
    }
    if (valueOrEmpty(attributes.getValue(ManifestPluginDescriptorFinder.PLUGIN_VERSION)).isBlank()) {
      throw new PluginLoadException("has no Plugin-Version in its manifest");
    }
    if (valueOrEmpty(attributes.getValue(ManifestPluginDescriptorFinder.PLUGIN_REQUIRES)).isBlank()) {
      throw new PluginLoadException(
          "declares no Plugin-Requires: name the plugin-api versions it was built for, such as >=1.0.0 & <2.0.0");
    }
  }

  static String reason(Throwable e) {
    if (e instanceof PluginLoadException) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return "failed to load (" + root.getClass().getSimpleName() + message + ")";
  }

  private static String valueOrEmpty(String value) {
    return value == null ? "" : value.trim();
  }

  /** Every jar in the folder is meant to be used; PF4J's enabled.txt and disabled.txt are not. */
  private static final class EveryPluginEnabled implements PluginStatusProvider {
    @Override
    public boolean isPluginDisabled(String pluginId) {
      return false;
    }

    @Override
    public void disablePlugin(String pluginId) {
      throw new UnsupportedOperationException("plugins are disabled by removing their jar");
    }

    @Override
    public void enablePlugin(String pluginId) {}
  }
}
