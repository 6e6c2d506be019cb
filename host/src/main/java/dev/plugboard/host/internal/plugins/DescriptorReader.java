package dev.plugboard.host.internal.plugins;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.InvalidDescriptorException;
import dev.plugboard.host.internal.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a connector descriptor (YAML, or JSON for a {@code .json} file) and checks it strictly:
 * its format version first, then every defect at once, each with its place in the file
 * ({@code fields[0].pattern}) and its true line and column. A plain valid YAML file of today's
 * format is read without Jackson ({@link QuickDescriptors}); any other, Jackson's way.
 */
final class DescriptorReader {

  private static final AtomicBoolean PREPARING = new AtomicBoolean();
  /** The thread preparing, once started; reading waits for it, so the reader is never set up by two threads at once. */
  private static volatile Thread preparing;

  private DescriptorReader() {}

  /**
   * What checking one descriptor file found.
   *
   * @param descriptor the descriptor, when it has no defect
   * @param defects each defect in words, with its place and line; empty when the descriptor loads
   */
  record Result(Optional<ConnectorDescriptor> descriptor, List<String> defects) {

    /** The descriptor, or a load failure listing every defect. */
    ConnectorDescriptor orThrow(String resource) {
      return descriptor.orElseThrow(() -> new PluginLoadException(resource + ": " + String.join("; ", defects)));
    }
  }

  /**
   * Makes, on a daemon thread of its own, what reading a descriptor needs first: the YAML parser
   * and the shapes of the descriptor records ({@link QuickDescriptors}). Only the host's own
   * classes run there, no plugin code; the first reading waits until it is done (so that no two
   * threads initialise those classes at once), and a failure here is left for the reading to meet
   * and report.
   */
  static void prepareInBackground() {
    if (!PREPARING.compareAndSet(false, true)) {
      return; // once per process
    }
    Thread thread = new Thread(DescriptorReader::prepare, "plugboard-descriptor-reader");
    thread.setDaemon(true);
    preparing = thread;
    thread.start();
  }

  /** Waits for {@link #prepareInBackground} to finish, if it was started. */
  private static void awaitPrepared() {
    Thread thread = preparing;
    if (thread != null && thread != Thread.currentThread()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // read all the same: the reading itself is bounded
      }
    }
  }

  private static void prepare() {
    try {
      QuickDescriptors.prepare();
    } catch (RuntimeException | LinkageError e) {
      // the descriptor reading itself meets it again and says what is wrong
    }
  }

  /** Checks a descriptor's {@code content}; {@code resource} names the file and, by its ending, JSON or YAML. */
  static Result check(String resource, byte[] content) {
    awaitPrepared();
    Optional<ConnectorDescriptor> quick = QuickDescriptors.read(resource, content);
    return quick.isPresent() ? new Result(quick, List.of()) : checkWithJackson(resource, content);
  }

  /** {@link #check} Jackson's way, for any file: every defect with its place, line and column. */
  static Result checkWithJackson(String resource, byte[] content) {
    ObjectMapper mapper = resource.endsWith(".json") ? Mappers.strictJson() : Mappers.strictYaml();
    JsonNode tree;
    try {
      tree = mapper.readTree(content);
    } catch (JacksonException e) {
      return failed(DescriptorDefects.unreadable(e));
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return failed("the file is empty");
    }
    if (!(tree instanceof ObjectNode root)) {
      return failed("the file must hold keys and values (id:, name:, fields: ...), not a single value or a list");
    }
    DescriptorFormat.Upgraded upgraded;
    try {
      upgraded = DescriptorFormat.upgrade(root);
    } catch (PluginLoadException e) {
      return failed(e.getMessage());
    }
    DescriptorDefects defects = new DescriptorDefects(mapper, content, upgraded);
    List<String> found = new ArrayList<>(defects.unknownKeys());
    if (!found.isEmpty()) {
      found.addAll(defects.besideUnknownKeys());
    } else {
      try {
        return new Result(Optional.of(mapper.treeToValue(upgraded.tree(), ConnectorDescriptor.class)), List.of());
      } catch (JacksonException | InvalidDescriptorException e) {
        found.addAll(defects.all());
      }
    }
    return failed(found.toArray(String[]::new));
  }

  private static Result failed(String... defects) {
    return new Result(Optional.empty(), List.of(defects));
  }

  /** The bytes of the descriptor file {@code resource} of a plugin, at most {@link JarEntries#MAX_ENTRY_BYTES}. */
  static byte[] content(ClassLoader loader, String resource) {
    if (resource == null || resource.isBlank()) {
      throw new PluginLoadException("its Connector extension names no descriptor file");
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new PluginLoadException(resource + ": no such file in the plugin jar");
      }
      return JarEntries.readBounded(in, resource);
    } catch (IOException e) {
      throw new PluginLoadException(resource + ": cannot be read: " + e.getMessage(), e);
    }
  }
}
