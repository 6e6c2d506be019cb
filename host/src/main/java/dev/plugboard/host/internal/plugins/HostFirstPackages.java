package dev.plugboard.host.internal.plugins;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The packages a plugin always gets from the host, never from its own jar: the Java runtime's own
 * packages, exactly those its modules hold, and the namespaces of the three libraries whose types
 * cross between host and plugin ({@code Connector} and the descriptor records, PF4J, SLF4J
 * loggers). A plugin that bundles one of those by mistake still shares the host's classes, so
 * the types are the same on both sides. Everything else, a package that merely looks like the
 * runtime's ({@code com.sun.fake}, {@code javax.inject}) included, is looked up in the plugin
 * first, as Kafka Connect isolates its plugins.
 */
final class HostFirstPackages {

  /** The host's namespaces shared with plugins: each package and those below it. */
  static final List<String> SHARED_NAMESPACES = List.of("dev.plugboard.api", "org.pf4j", "org.slf4j");

  private HostFirstPackages() {}

  static boolean isHostFirst(String className) {
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot);
    // Only the runtime may define java.*, whether or not a module of this runtime holds the package.
    if (pkg.startsWith("java.") || Runtime.PACKAGES.contains(pkg)) {
      return true;
    }
    for (String namespace : SHARED_NAMESPACES) {
      if (pkg.equals(namespace) || pkg.startsWith(namespace + ".")) {
        return true;
      }
    }
    return false;
  }

  /** The packages of the runtime's modules, read once, when a plugin first asks for a class. */
  private static final class Runtime {
    static final Set<String> PACKAGES = ModuleLayer.boot().modules().stream()
        .flatMap(module -> module.getPackages().stream())
        .collect(Collectors.toUnmodifiableSet());
  }
}
