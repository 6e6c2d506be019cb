package dev.plugboard.host.internal.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import org.pf4j.ExtensionFinder;
import org.pf4j.IndexedExtensionFinder;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
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

  /** Second and later jars of a plugin id, kept aside. */
  private final List<Copy> copies = new ArrayList<>();

  private final PluginCalls calls;

  record JarFailure(Path jar, String id, String version, String reason) {}

  /** A jar whose {@code Plugin-Id} an earlier jar (by file name) already has. */
  record Copy(Path jar, String id, String version) {}

  HostPluginManager(Path pluginsDir, String apiVersion, PluginCalls calls) {
    super(pluginsDir);
    this.calls = calls;
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

  /** The jars of the folder in file name order, whatever order the file system lists them in. */
  @Override
  protected PluginRepository createPluginRepository() {
    return new JarPluginRepository(getPluginsRoots()) {
      @Override
      public List<Path> getPluginPaths() {
        List<Path> jars = new ArrayList<>(super.getPluginPaths());
        jars.sort(Comparator.comparing(jar -> jar.getFileName().toString()));
        return jars;
      }
    };
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

  /**
   * Extensions are read from the plugins' own indexes only. PF4J's default also reads the host's
   * class path for extensions of no plugin, which the host never asks for; and asking every jar of
   * the class path for a file opens each of them, the dearest step of a CLI command's start-up.
   */
  @Override
  protected ExtensionFinder createExtensionFinder() {
    IndexedExtensionFinder finder = new IndexedExtensionFinder(this) {
      @Override
      public Map<String, Set<String>> readClasspathStorages() {
        return new LinkedHashMap<>();
      }
    };
    addPluginStateListener(finder);
    return finder;
  }

  @Override
  protected PluginStatusProvider createPluginStatusProvider() {
    return new EveryPluginEnabled();
  }

  /**
   * PF4J logs a jar it cannot load and moves on; this records why, so that {@code plugboard
   * plugins} can say so. Returning {@code null} is PF4J's own convention for a skipped jar. A
   * second jar of a plugin id already loaded is kept aside as a {@link Copy}, not handed to PF4J
   * (which would refuse it with a message of its own): the registry tries it if the first fails.
   */
  @Override
  protected PluginWrapper loadPluginFromPath(Path jar) {
    String[] idAndVersion = {"", ""};
    try {
      Attributes manifest = JarEntries.checkedManifest(jar);
      idAndVersion[0] = valueOrEmpty(manifest.getValue(ManifestPluginDescriptorFinder.PLUGIN_ID));
      idAndVersion[1] = valueOrEmpty(manifest.getValue(ManifestPluginDescriptorFinder.PLUGIN_VERSION));
      checkManifest(manifest);
      if (loaded.containsKey(idAndVersion[0])) {
        copies.add(new Copy(jar, idAndVersion[0], idAndVersion[1]));
        return null;
      }
      PluginWrapper wrapper = super.loadPluginFromPath(jar);
      loaded.put(wrapper.getPluginId(), wrapper);
      return wrapper;
    } catch (RuntimeException | LinkageError e) {
      jarFailures.add(new JarFailure(jar, idAndVersion[0], idAndVersion[1], reason(e)));
      return null;
    }
  }

  /**
   * PF4J's own start, with each plugin's {@code Plugin-Class} (created, then started) run as
   * plugin code: with a deadline, its failure the plugin's alone. Only plugins not yet tried are
   * started, so that a copy loaded later starts without retrying those that failed.
   */
  @Override
  public void startPlugins() {
    for (PluginWrapper wrapper : new ArrayList<>(resolvedPlugins)) {
      if (wrapper.getPluginState() != PluginState.RESOLVED) {
        continue;
      }
      try {
        calls.call(label(wrapper), "starting (Plugin-Class " + wrapper.getDescriptor().getPluginClass() + ")",
            wrapper.getPluginClassLoader(), () -> {
              wrapper.getPlugin().start();
              return null;
            });
        wrapper.setPluginState(PluginState.STARTED);
        wrapper.setFailedException(null);
        startedPlugins.add(wrapper);
      } catch (RuntimeException | LinkageError e) {
        wrapper.setPluginState(PluginState.FAILED);
        wrapper.setFailedException(e);
      }
    }
  }

  /** The second and later jars found for a plugin id, in file name order. */
  List<Copy> copies() {
    return List.copyOf(copies);
  }

  /**
   * Unloads plugin {@code copy.id()} (which failed) and loads {@code copy} in its place; a copy
   * that cannot be loaded either is added to {@link #jarFailures()}.
   */
  Optional<PluginWrapper> replaceWith(Copy copy) {
    PluginWrapper failed = getPlugin(copy.id());
    if (failed != null) {
      calls.call(label(failed), "unloading", HostPluginManager.class.getClassLoader(), () -> unloadPlugin(copy.id()));
    }
    loaded.remove(copy.id());
    copies.remove(copy);
    loadPluginFromPath(copy.jar()); // PluginManager.loadPlugin fails on a jar that does not load
    resolvePlugins();
    startPlugins();
    return Optional.ofNullable(getPlugin(copy.id()));
  }

  /** {@code id@version (file.jar)}: how messages name a plugin. */
  static String label(PluginWrapper wrapper) {
    return wrapper.getPluginId() + "@" + wrapper.getDescriptor().getVersion() + " (" + wrapper.getPluginPath().getFileName() + ")";
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
