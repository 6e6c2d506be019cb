package dev.plugboard.host.internal.plugins;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/** A plugin's class loader: plugin first, except for {@link HostFirstPackages}. */
final class HostFirstClassLoader extends PluginClassLoader {

  HostFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
    super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
  }

  @Override
  protected boolean shouldDelegateToParent(String className) {
    return HostFirstPackages.isHostFirst(className);
  }
}
