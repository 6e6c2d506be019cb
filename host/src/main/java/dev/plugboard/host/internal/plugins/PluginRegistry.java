package dev.plugboard.host.internal.plugins;

import dev.plugboard.api.Connector;
import dev.plugboard.api.PluginApi;
import dev.plugboard.host.PluginStatus;
import dev.plugboard.host.UnknownConnectorException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
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
  private final Loading loading;
  /** Every plugin's outcome, once every descriptor is read: for a listing, or an unknown connector. */
  private Settled settled;

  /** Every plugin jar found, loaded or failed, and the connectors available, by id. */
  private record Settled(List<PluginStatus> statuses, Map<String, LoadedConnector> connectors) {}

  private PluginRegistry(Path pluginsDir, HostPluginManager manager, PluginCalls calls, Loading loading) {
    this.pluginsDir = pluginsDir;
    this.manager = manager;
    this.calls = calls;
    this.loading = loading;
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
    return new PluginRegistry(pluginsDir, manager, calls, new Loading(manager, calls).start());
  }

  public Path pluginsDir() {
    return pluginsDir;
  }

  /** Every plugin jar found, loaded or failed, by id; reads every plugin's descriptors. */
  public synchronized List<PluginStatus> plugins() {
    return settled().statuses();
  }

  /** The connectors available, by id; reads every plugin's descriptors. */
  public synchronized List<LoadedConnector> connectors() {
    return List.copyOf(settled().connectors().values());
  }

  /**
   * The connector of id {@code connectorId} (or, when no id is exactly that, of the one id equal
   * to it but for case). Reads only the descriptors that may hold that id, and those of the
   * plugins that may share one of its plugin's ids: every other descriptor, and with it every
   * other plugin's failure, only when the connector is not found.
   */
  public synchronized LoadedConnector connector(String connectorId) {
    if (settled == null && connectorId != null) {
      Optional<LoadedConnector> found = loading.find(connectorId);
      if (found.isPresent()) {
        return found.get();
      }
    }
    Map<String, LoadedConnector> connectors = settled().connectors();
    LoadedConnector connector = connectors.get(connectorId);
    if (connector != null) {
      return connector;
    }
    return (connectorId == null ? Optional.<LoadedConnector>empty() : match(connectors.values(), connectorId))
        .orElseThrow(() -> new UnknownConnectorException(connectorId, List.copyOf(connectors.keySet())));
  }

  /** The connector of that id, else the one whose id differs only in case, as long as that names one. */
  private static Optional<LoadedConnector> match(Collection<LoadedConnector> available, String connectorId) {
    Optional<LoadedConnector> exact = available.stream().filter(c -> c.id().equals(connectorId)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    List<LoadedConnector> otherCase = available.stream().filter(c -> c.id().equalsIgnoreCase(connectorId)).toList();
    return otherCase.size() == 1 ? Optional.of(otherCase.get(0)) : Optional.empty();
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

  private Settled settled() {
    if (settled == null) {
      settled = loading.settle();
    }
    return settled;
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

  /**
   * What PF4J loaded, each plugin's code run (its extensions created, its descriptors named and
   * their bytes read, bounded) at once, and its descriptors checked only when they are needed:
   * all of them for a listing, or those that may hold one connector id.
   */
  private static final class Loading {
    private final HostPluginManager manager;
    private final PluginCalls calls;
    private final Map<String, PluginStatus> statuses = new TreeMap<>();
    /** Each plugin whose code ran, by id, in the order the plugins are tried. */
    private final Map<String, Unread> unread = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();

    /** A connector whose descriptor is named and its bytes read, and the id a scan of them found. */
    private record Descriptor(String resource, byte[] content, Optional<String> scannedId) {}

    /**
     * A plugin's connectors, unread; {@code failure} is what failed after them (a later
     * extension's code), to report if they all read.
     */
    private record Unread(PluginWrapper wrapper, List<Descriptor> descriptors, Optional<PluginLoadException> failure) {

      /** Whether one of its connectors may have an id that {@code id} accepts (one whose id is not known may). */
      boolean mayOffer(Predicate<String> id) {
        return failure.isEmpty() && descriptors.stream().anyMatch(d -> d.scannedId().map(id::test).orElse(true));
      }
    }

    /** A plugin's connectors, read, or why they are not. */
    private record Outcome(List<LoadedConnector> connectors, Optional<String> failure) {}

    Loading(HostPluginManager manager, PluginCalls calls) {
      this.manager = manager;
      this.calls = calls;
    }

    /** Runs every plugin's code; with copies of a plugin, reads their descriptors too, to know which copy loads. */
    Loading start() {
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
      return this;
    }

    /** Reads every descriptor and refuses ambiguous connectors: every plugin's outcome. */
    Settled settle() {
      Map<String, List<LoadedConnector>> byPlugin = readAll(unread.keySet());
      Map<String, String> refused = refusals(byPlugin);
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
      return new Settled(List.copyOf(statuses.values()), available);
    }

    /**
     * The connector {@link PluginRegistry#connector} would return after {@link #settle}, found by
     * reading only the plugins that may offer {@code connectorId} and those that may share one of
     * their ids (a shared id refuses both plugins); empty when it is not found so.
     */
    Optional<LoadedConnector> find(String connectorId) {
      List<String> candidates = unread.values().stream().filter(u -> u.mayOffer(connectorId::equalsIgnoreCase))
          .map(u -> u.wrapper().getPluginId()).toList();
      Set<String> ids = new HashSet<>();
      readAll(candidates).values().forEach(list -> list.forEach(c -> ids.add(c.id())));
      Set<String> involved = new HashSet<>(candidates);
      unread.values().stream().filter(u -> u.mayOffer(ids::contains)).forEach(u -> involved.add(u.wrapper().getPluginId()));
      Map<String, List<LoadedConnector>> byPlugin = readAll(unread.keySet().stream().filter(involved::contains).toList());
      Map<String, String> refused = refusals(byPlugin);
      List<LoadedConnector> available = byPlugin.entrySet().stream().filter(e -> !refused.containsKey(e.getKey()))
          .flatMap(e -> e.getValue().stream()).toList();
      return match(available, connectorId);
    }

    /** The connectors of those of {@code pluginIds} whose descriptors all read, in the order the plugins are tried. */
    private Map<String, List<LoadedConnector>> readAll(Iterable<String> pluginIds) {
      Map<String, List<LoadedConnector>> read = new LinkedHashMap<>();
      for (String pluginId : pluginIds) {
        Outcome outcome = read(pluginId);
        if (outcome.failure().isEmpty()) {
          read.put(pluginId, outcome.connectors());
        }
      }
      return read;
    }

    /** Reads a plugin's descriptors once; a failure is recorded as the plugin's. */
    private Outcome read(String pluginId) {
      Outcome known = outcomes.get(pluginId);
      if (known != null) {
        return known;
      }
      Unread plugin = unread.get(pluginId);
      Outcome outcome;
      try {
        List<LoadedConnector> found = new ArrayList<>();
        for (Descriptor descriptor : plugin.descriptors()) {
          found.add(new LoadedConnector(DescriptorReader.check(descriptor.resource(), descriptor.content())
              .orThrow(descriptor.resource()), pluginId, plugin.wrapper().getDescriptor().getVersion(),
              plugin.wrapper().getPluginClassLoader()));
        }
        if (plugin.failure().isPresent()) {
          throw plugin.failure().get();
        }
        outcome = new Outcome(List.copyOf(found), Optional.empty());
      } catch (PluginLoadException e) {
        fail(plugin.wrapper(), e.getMessage());
        outcome = new Outcome(List.of(), Optional.of(e.getMessage()));
      }
      outcomes.put(pluginId, outcome);
      return outcome;
    }

    /** Runs the plugin's code (its connectors' classes, constructors and descriptor names), or records why it failed; whether it ran. */
    private boolean tryPlugin(PluginWrapper wrapper) {
      String pluginId = wrapper.getPluginId();
      outcomes.remove(pluginId);
      unread.remove(pluginId);
      if (wrapper.getPluginState() != PluginState.STARTED) {
        fail(wrapper, notStartedReason(wrapper));
        return false;
      }
      List<Descriptor> descriptors = new ArrayList<>();
      try {
        findConnectors(wrapper, descriptors);
        unread.put(pluginId, new Unread(wrapper, List.copyOf(descriptors), Optional.empty()));
        return true;
      } catch (PluginLoadException e) {
        if (descriptors.isEmpty()) {
          fail(wrapper, e.getMessage());
          return false;
        }
        unread.put(pluginId, new Unread(wrapper, List.copyOf(descriptors), Optional.of(e))); // their defects come first
        return true;
      }
    }

    /** Whether the plugin's code ran and its descriptors all read. */
    private boolean loads(PluginWrapper wrapper) {
      return tryPlugin(wrapper) && read(wrapper.getPluginId()).failure().isEmpty();
    }

    /**
     * Two jars of one plugin id: the first (by file name) that loads is used, whatever order the
     * folder lists them in, and every other one is reported, so that a broken copy never hides a
     * good one.
     */
    private void settleCopies() {
      for (HostPluginManager.Copy copy : manager.copies()) {
        PluginWrapper current = manager.getPlugin(copy.id());
        if (current != null && unread.containsKey(copy.id()) && read(copy.id()).failure().isEmpty()) {
          fail(copy.id(), copy.version(), copy.jar(), "is another jar of plugin " + copy.id() + ", which "
              + current.getPluginPath().getFileName() + " already provides (" + copy.id() + "@"
              + current.getDescriptor().getVersion() + "); remove one of the two jars");
          continue;
        }
        manager.replaceWith(copy).filter(this::loads).ifPresent(loaded -> statuses.replaceAll((key, status) ->
            status.id().equals(copy.id()) && status.state() == PluginStatus.State.FAILED
                ? new PluginStatus(status.id(), status.version(), status.jar(), status.state(), List.of(),
                    status.problem() + "; another jar of this plugin, " + copy.jar().getFileName() + ", is used instead")
                : status));
      }
    }

    /** Adds each connector's descriptor, named by plugin code and read from the jar, to {@code found}. */
    private void findConnectors(PluginWrapper wrapper, List<Descriptor> found) {
      ClassLoader loader = wrapper.getPluginClassLoader();
      String plugin = HostPluginManager.label(wrapper);
      for (String className : new TreeSet<>(manager.getExtensionClassNames(wrapper.getPluginId()))) {
        Class<?> type = calls.call(plugin, "loading extension " + className, loader, () -> loadExtensionClass(loader, className));
        if (Connector.class.isAssignableFrom(type)) {
          Connector connector = (Connector) calls.call(plugin, "the constructor of " + className, loader, () -> instantiate(type));
          String resource = calls.call(plugin, "descriptor() of " + className, loader, () -> descriptorResource(connector));
          byte[] content = DescriptorReader.content(loader, resource);
          found.add(new Descriptor(resource, content, QuickDescriptors.id(resource, content)));
        }
      }
      if (found.isEmpty()) {
        throw new PluginLoadException("contributes no connector: META-INF/extensions.idx lists no class implementing "
            + Connector.class.getName());
      }
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

    /** Two plugins offering one connector id: neither may take the other's credentials. The reason of each plugin refused. */
    private static Map<String, String> refusals(Map<String, List<LoadedConnector>> byPlugin) {
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
      return refused;
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
