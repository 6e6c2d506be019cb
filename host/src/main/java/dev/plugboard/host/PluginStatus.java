package dev.plugboard.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A plugin jar found in the plugins folder, and what became of it.
 *
 * @param id the plugin's id ({@code Plugin-Id}), or the jar's file name when it has none
 * @param version the plugin's version, or empty when unknown
 * @param jar where the jar lies
 * @param state whether it was loaded
 * @param connectors the connectors it contributes (empty when it failed)
 * @param problem why it failed, in words; empty when loaded
 */
public record PluginStatus(String id, String version, Path jar, State state, List<String> connectors, String problem) {

  /** What became of a plugin. */
  public enum State {
    /** Loaded; its connectors are available. */
    LOADED,
    /** Refused or broken; see {@link PluginStatus#problem()}. The host and other plugins go on. */
    FAILED
  }

  public PluginStatus {
    Objects.requireNonNull(id, "id == null");
    version = version == null ? "" : version;
    Objects.requireNonNull(jar, "jar == null");
    Objects.requireNonNull(state, "state == null");
    connectors = List.copyOf(connectors);
    problem = problem == null ? "" : problem;
  }

  /** {@code id@version}, the way plugins are named in every message. */
  public String label() {
    return version.isEmpty() ? id : id + "@" + version;
  }
}
