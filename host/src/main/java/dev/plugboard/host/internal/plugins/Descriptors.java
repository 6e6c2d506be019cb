package dev.plugboard.host.internal.plugins;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.PlugboardException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Descriptor files read outside a plugin jar: a plugin author's file on disk, a test's text. */
public final class Descriptors {

  private Descriptors() {}

  /**
   * Reads a descriptor from its text.
   *
   * @param name the file's name, for messages and to tell JSON ({@code .json}) from YAML
   * @throws PlugboardException listing every defect, each with its place and line
   */
  public static ConnectorDescriptor parse(String name, String text) {
    return DescriptorReader.check(name, text.getBytes(StandardCharsets.UTF_8)).orThrow(name);
  }

  /** Every defect of a descriptor file, each with its place and line; empty when it loads. */
  public static List<String> defects(String name, byte[] content) {
    return DescriptorReader.check(name, content).defects();
  }
}
