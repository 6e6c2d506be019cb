package dev.plugboard.host.internal.plugins;

import dev.plugboard.api.Connector;
import dev.plugboard.api.PluginApi;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.PluginStatus;
import dev.plugboard.host.UnknownConnectorException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugins found in one folder and the connectors they contribute. Loading never throws for a
 * bad plugin: each one is recorded as failed with its reason, and the others go on.
 */
public final class PluginRegistry implements AutoCloseable {

  private final Path pluginsDir;
  private final HostPluginManager manager;
  private final List<PluginStatus> statuses;
  private final Map<String, LoadedConnector> connectors;

  private PluginRegistry(Path pluginsDir, HostPluginManager manager, List<PluginStatus> statuses,
      Map<String, LoadedConnector> connectors) {
    this.pluginsDir = pluginsDir;
    this.manager = manager;
    this.statuses = List.copyOf(statuses);
    this.connectors = connectors;
  }

  /** Loads every plugin jar in {@code pluginsDir}. */
  public static PluginRegistry load(Path pluginsDir) {
    HostPluginManager manager = new HostPluginManager(pluginsDir, PluginApi.VERSION);
    manager.loadPlugins();
    manager.startPlugins();
    return new Loading(manager).finish(pluginsDir);
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
    if (connector == null) {
      throw new UnknownConnectorException(connectorId, List.copyOf(connectors.keySet()));
    }
    return connector;
  }

  /**
   * The extensions of {@code type} the connector's plugin contributes, created with the plugin's
   * class loader as context class loader.
   */
  public <T> List<T> extensions(LoadedConnector connector, Class<T> type) {
    try (LoaderSwap swap = LoaderSwap.to(connector.classLoader())) {
      List<T> found = new ArrayList<>();
      for (Class<? extends T> extension : manager.getExtensionClasses(type, connector.pluginId())) {
        found.add(instantiate(extension));
      }
      return found;
    }
  }

  /** Stops every plugin and closes its class loader (PF4J's stopPlugins is not used: it fails on 3.15). */
  @Override
  public void close() {
    manager.unloadPlugins();
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
    private final DescriptorReader reader = new DescriptorReader();
    private final Map<String, PluginStatus> statuses = new TreeMap<>();
    private final Map<String, List<LoadedConnector>> byPlugin = new LinkedHashMap<>();

    Loading(HostPluginManager manager) {
      this.manager = manager;
    }

    PluginRegistry finish(Path pluginsDir) {
      for (HostPluginManager.JarFailure failure : manager.jarFailures()) {
        String id = failure.id() == null || failure.id().isBlank() ? failure.jar().getFileName().toString() : failure.id();
        fail(id, failure.version(), failure.jar(), failure.reason());
      }
      for (PluginWrapper dropped : manager.droppedWhileResolving()) {
        fail(dropped, "needs " + dependencies(dropped) + " (Plugin-Dependencies), which is not loaded");
      }
      List<PluginWrapper> wrappers = new ArrayList<>(manager.getPlugins());
      wrappers.sort(Comparator.comparing(PluginWrapper::getPluginId));
      for (PluginWrapper wrapper : wrappers) {
        if (wrapper.getPluginState() != PluginState.STARTED) {
          fail(wrapper, notStartedReason(wrapper));
          continue;
        }
        try {
          byPlugin.put(wrapper.getPluginId(), readConnectors(wrapper));
        } catch (PluginLoadException e) {
          fail(wrapper, e.getMessage());
        }
      }
      Map<String, LoadedConnector> available = refuseAmbiguous();
      return new PluginRegistry(pluginsDir, manager, List.copyOf(statuses.values()), available);
    }

    private List<LoadedConnector> readConnectors(PluginWrapper wrapper) {
      ClassLoader loader = wrapper.getPluginClassLoader();
      List<LoadedConnector> found = new ArrayList<>();
      try (LoaderSwap swap = LoaderSwap.to(loader)) {
        for (String className : new TreeSet<>(manager.getExtensionClassNames(wrapper.getPluginId()))) {
          Class<?> type = loadExtensionClass(loader, className);
          if (Connector.class.isAssignableFrom(type)) {
            Connector connector = (Connector) instantiate(type);
            ConnectorDescriptor descriptor = reader.read(loader, descriptorResource(connector));
            found.add(new LoadedConnector(descriptor, wrapper.getPluginId(), wrapper.getDescriptor().getVersion(), loader));
          }
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
          statuses.put(pluginId, new PluginStatus(pluginId, wrapper.getDescriptor().getVersion(), wrapper.getPluginPath(),
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
      String key = statuses.containsKey(id) ? id + " " + jar : id;
      statuses.put(key, new PluginStatus(id, version, jar, PluginStatus.State.FAILED, List.of(), reason));
    }
  }
}
