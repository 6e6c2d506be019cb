package dev.plugboard.host.internal.plugins;

import dev.plugboard.api.Connector;
import dev.plugboard.api.PluginApi;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.PluginStatus;
import dev.plugboard.host.UnknownConnectorException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugins found in one folder and the connectors they contribute. Loading never throws for a
 * bad plugin: each one is recorded as failed with its reason, and the others go on.
 */
public final class PluginRegistry implements AutoCloseable {

  private final Path pluginsDir;
  private final HostPluginManager manager;
  private final PluginCalls calls;
  private final List<PluginStatus> statuses;
  private final Map<String, LoadedConnector> connectors;

  private PluginRegistry(Path pluginsDir, HostPluginManager manager, PluginCalls calls, List<PluginStatus> statuses,
      Map<String, LoadedConnector> connectors) {
    this.pluginsDir = pluginsDir;
    this.manager = manager;
    this.calls = calls;
    this.statuses = List.copyOf(statuses);
    this.connectors = connectors;
  }

  /**
   * Loads every plugin jar in {@code pluginsDir}, each call into plugin code with the deadline of
   * the system property {@code plugboard.pluginDeadline} ({@code 500ms}, {@code 10s}; default 5 s).
   */
  public static PluginRegistry load(Path pluginsDir) {
    return load(pluginsDir, PluginCalls.configured());
  }

  /** Loads every plugin jar in {@code pluginsDir}, each call into plugin code bounded by {@code deadline}. */
  public static PluginRegistry load(Path pluginsDir, Duration deadline) {
    return load(pluginsDir, new PluginCalls(deadline));
  }

  /**
   * Starts preparing, in the background, what reading the descriptors of the plugins in
   * {@code pluginsDir} needs, so that it overlaps with the rest of a start-up (the wiring, PF4J):
   * call it early, before {@link #load}. Nothing when the folder holds no jar (nothing will be
   * read), and once per process.
   */
  public static void prepareLoading(Path pluginsDir) {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(pluginsDir, "*.jar")) {
      if (jars.iterator().hasNext()) {
        DescriptorReader.prepareInBackground();
      }
    } catch (IOException | RuntimeException e) {
      // no folder to read: loading says so itself
    }
  }

  private static PluginRegistry load(Path pluginsDir, PluginCalls calls) {
    HostPluginManager manager = new HostPluginManager(pluginsDir, PluginApi.VERSION, calls);
    manager.loadPlugins();
    manager.startPlugins();
    return new Loading(manager, calls).finish(pluginsDir);
  }

  public Path pluginsDir() {
    return pluginsDir;
  }

  /** Every plugin jar found, loaded or failed, by id. */
  public List<PluginStatus> plugins() {
    return statuses;
  }

  /** The connectors available, by id. */
  public List<LoadedConnector> connectors() {
    return List.copyOf(connectors.values());
  }

  public LoadedConnector connector(String connectorId) {
    LoadedConnector connector = connectors.get(connectorId);
    if (connector != null) {
      return connector;
    }
    List<LoadedConnector> otherCase = connectorId == null ? List.of() : connectors.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(connectorId)).map(Map.Entry::getValue).toList();
    if (otherCase.size() == 1) {
      return otherCase.get(0); // ids are matched regardless of case, as long as that names one
    }
    throw new UnknownConnectorException(connectorId, List.copyOf(connectors.keySet()));
  }

  /**
   * The extensions of {@code type} the connector's plugin contributes, created with the plugin's
   * class loader as context class loader.
   */
  public <T> List<T> extensions(LoadedConnector connector, Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Class<? extends T> extension : manager.getExtensionClasses(type, connector.pluginId())) {
      found.add(call(connector, "the constructor of " + extension.getName(), () -> instantiate(extension)));
    }
    return found;
  }

  /**
   * Runs plugin code of {@code connector}'s plugin, such as a method of one of its extensions,
   * with the deadline and the refusal of exit calls every call into a plugin has.
   *
   * @param what the call in words, for messages: {@code "connectorId() of com.example.Sandbox"}
   */
  public <T> T call(LoadedConnector connector, String what, Callable<T> code) {
    try {
      return calls.call(connector.pluginLabel(), what, connector.classLoader(), code);
    } catch (PluginLoadException e) {
      throw new PluginLoadException("plugin " + connector.pluginLabel() + ": " + e.getMessage(), e);
    }
  }

  /** Stops every plugin and closes its class loader (PF4J's stopPlugins is not used: it fails on 3.15). */
  @Override
  public void close() {
    calls.call("every plugin", "unloading", PluginRegistry.class.getClassLoader(), () -> {
      manager.unloadPlugins();
      return null;
    });
  }

  private static <T> T instantiate(Class<T> extension) {
    try {
      return extension.getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new PluginLoadException(
          "extension " + extension.getName() + " failed in its constructor: " + HostPluginManager.reason(e.getCause()),
          e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new PluginLoadException(
          "extension " + extension.getName() + " cannot be created (it needs a public no-argument constructor): "
              + HostPluginManager.reason(e),
          e);
    }
  }

  /** One pass over what PF4J loaded: read each plugin's connectors, then refuse ambiguous ones. */
  private static final class Loading {
    private final HostPluginManager manager;
    private final PluginCalls calls;
    private final DescriptorReader reader = new DescriptorReader();
    private final Map<String, PluginStatus> statuses = new TreeMap<>();
    private final Map<String, List<LoadedConnector>> byPlugin = new LinkedHashMap<>();

    Loading(HostPluginManager manager, PluginCalls calls) {
      this.manager = manager;
      this.calls = calls;
    }

    PluginRegistry finish(Path pluginsDir) {
      for (PluginWrapper dropped : manager.droppedWhileResolving()) {
        fail(dropped, "needs " + dependencies(dropped) + " (Plugin-Dependencies), which is not loaded");
      }
      List<PluginWrapper> wrappers = new ArrayList<>(manager.getPlugins());
      wrappers.sort(Comparator.comparing(PluginWrapper::getPluginId));
      wrappers.forEach(this::tryPlugin);
      settleCopies();
      for (HostPluginManager.JarFailure failure : manager.jarFailures()) {
        String id = failure.id() == null || failure.id().isBlank() ? failure.jar().getFileName().toString() : failure.id();
        fail(id, failure.version(), failure.jar(), failure.reason());
      }
      Map<String, LoadedConnector> available = refuseAmbiguous();
      return new PluginRegistry(pluginsDir, manager, calls, List.copyOf(statuses.values()), available);
    }

    /** Reads the plugin's connectors, or records why it failed; whether it loaded. */
    private boolean tryPlugin(PluginWrapper wrapper) {
      if (wrapper.getPluginState() != PluginState.STARTED) {
        fail(wrapper, notStartedReason(wrapper));
        return false;
      }
      try {
        byPlugin.put(wrapper.getPluginId(), readConnectors(wrapper));
        return true;
      } catch (PluginLoadException e) {
        fail(wrapper, e.getMessage());
        return false;
      }
    }

    /**
     * Two jars of one plugin id: the first (by file name) that loads is used, whatever order the
     * folder lists them in, and every other one is reported, so that a broken copy never hides a
     * good one.
     */
    private void settleCopies() {
      for (HostPluginManager.Copy copy : manager.copies()) {
        PluginWrapper current = manager.getPlugin(copy.id());
        if (current != null && byPlugin.containsKey(copy.id())) {
          fail(copy.id(), copy.version(), copy.jar(), "is another jar of plugin " + copy.id() + ", which "
              + current.getPluginPath().getFileName() + " already provides (" + copy.id() + "@"
              + current.getDescriptor().getVersion() + "); remove one of the two jars");
          continue;
        }
        manager.replaceWith(copy).filter(this::tryPlugin).ifPresent(loaded -> statuses.replaceAll((key, status) ->
            status.id().equals(copy.id()) && status.state() == PluginStatus.State.FAILED
                ? new PluginStatus(status.id(), status.version(), status.jar(), status.state(), List.of(),
                    status.problem() + "; another jar of this plugin, " + copy.jar().getFileName() + ", is used instead")
                : status));
      }
    }

    private List<LoadedConnector> readConnectors(PluginWrapper wrapper) {
      ClassLoader loader = wrapper.getPluginClassLoader();
      String plugin = HostPluginManager.label(wrapper);
      List<LoadedConnector> found = new ArrayList<>();
      for (String className : new TreeSet<>(manager.getExtensionClassNames(wrapper.getPluginId()))) {
        Class<?> type = calls.call(plugin, "loading extension " + className, loader, () -> loadExtensionClass(loader, className));
        if (Connector.class.isAssignableFrom(type)) {
          Connector connector = (Connector) calls.call(plugin, "the constructor of " + className, loader, () -> instantiate(type));
          String resource = calls.call(plugin, "descriptor() of " + className, loader, () -> descriptorResource(connector));
          ConnectorDescriptor descriptor = reader.read(loader, resource);
          found.add(new LoadedConnector(descriptor, wrapper.getPluginId(), wrapper.getDescriptor().getVersion(), loader));
        }
      }
      if (found.isEmpty()) {
        throw new PluginLoadException("contributes no connector: META-INF/extensions.idx lists no class implementing "
            + Connector.class.getName());
      }
      return found;
    }

    /** Plugin code: whatever it throws is the plugin's failure, never the host's. */
    private static String descriptorResource(Connector connector) {
      try {
        return connector.descriptor();
      } catch (RuntimeException | LinkageError e) {
        throw new PluginLoadException("extension " + connector.getClass().getName()
            + " failed to name its descriptor: " + HostPluginManager.reason(e), e);
      }
    }

    private static Class<?> loadExtensionClass(ClassLoader loader, String className) {
      try {
        return Class.forName(className, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new PluginLoadException("extension " + className + " listed in META-INF/extensions.idx cannot be loaded: "
            + HostPluginManager.reason(e), e);
      }
    }

    /** Two plugins offering one connector id: neither may take the other's credentials. */
    private Map<String, LoadedConnector> refuseAmbiguous() {
      Map<String, List<LoadedConnector>> byConnector = new TreeMap<>();
      byPlugin.values().forEach(list -> list.forEach(c -> byConnector.computeIfAbsent(c.id(), id -> new ArrayList<>()).add(c)));
      Map<String, String> refused = new TreeMap<>();
      byConnector.forEach((connectorId, offers) -> {
        if (offers.size() > 1) {
          List<String> labels = offers.stream().map(LoadedConnector::pluginLabel).toList();
          for (LoadedConnector offer : offers) {
            refused.putIfAbsent(offer.pluginId(), "contributes connector " + connectorId + ", which "
                + String.join(" and ", labels.stream().filter(l -> !l.equals(offer.pluginLabel())).toList())
                + " also contributes; remove one of the jars");
          }
        }
      });
      Map<String, LoadedConnector> available = new TreeMap<>();
      byPlugin.forEach((pluginId, list) -> {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (refused.containsKey(pluginId)) {
          fail(wrapper, refused.get(pluginId));
        } else {
          list.forEach(c -> available.put(c.id(), c));
          statuses.put(key(pluginId, wrapper.getPluginPath()), new PluginStatus(pluginId, wrapper.getDescriptor().getVersion(), wrapper.getPluginPath(),
              PluginStatus.State.LOADED, list.stream().map(LoadedConnector::id).toList(), ""));
        }
      });
      return available;
    }

    private String notStartedReason(PluginWrapper wrapper) {
      String requires = wrapper.getDescriptor().getRequires();
      if (!manager.getVersionManager().checkVersionConstraint(manager.getSystemVersion(), requires)) {
        return "requires plugin-api " + requires + ", but this host provides plugin-api " + manager.getSystemVersion()
            + "; use a version of the plugin built for it";
      }
      Optional<Throwable> failure = Optional.ofNullable(wrapper.getFailedException());
      return failure.map(e -> "failed to start: " + HostPluginManager.reason(e))
          .orElse("was not started (state " + wrapper.getPluginState() + ")");
    }

    private static String dependencies(PluginWrapper wrapper) {
      return String.join(", ", wrapper.getDescriptor().getDependencies().stream()
          .map(d -> d.getPluginId() + " " + d.getPluginVersionSupport()).toList());
    }

    private void fail(PluginWrapper wrapper, String reason) {
      fail(wrapper.getPluginId(), wrapper.getDescriptor().getVersion(), wrapper.getPluginPath(), reason);
    }

    private void fail(String id, String version, Path jar, String reason) {
      statuses.put(key(id, jar), new PluginStatus(id, version, jar, PluginStatus.State.FAILED, List.of(), reason));
    }

    /** Statuses sort by plugin id, then file name: the same order whatever the folder's listing. */
    private static String key(String id, Path jar) {
      return id + "\0" + jar.getFileName();
    }
  }
}
