package dev.plugboard.host.internal.plugins;

import java.util.List;

/**
 * The packages a plugin always gets from the host, never from its own jar. A plugin that bundles
 * one of them by mistake still shares the host's classes, so the types that cross between host
 * and plugin ({@code Connector}, the descriptor records, SLF4J loggers) are the same classes on
 * both sides. Everything else is looked up in the plugin first.
 */
final class HostFirstPackages {

  static final List<String> PREFIXES = List.of(
      "java.",
      "javax.",
      "jdk.",
      "sun.",
      "com.sun.",
      "org.pf4j.",
      "org.slf4j.",
      "dev.plugboard.api.");

  private HostFirstPackages() {}

  static boolean isHostFirst(String className) {
    for (String prefix : PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
