package dev.plugboard.host.internal.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.plugboard.host.internal.plugins.PluginRegistry;

/** How the host's parts are put together. Guice stays inside this package. */
final class HostModule extends AbstractModule {

  private final HostSettings settings;

  HostModule(HostSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void configure() {
    bind(HostSettings.class).toInstance(settings);
  }

  @Provides
  @Singleton
  PluginRegistry pluginRegistry(HostSettings settings) {
    return PluginRegistry.load(settings.pluginsDir());
  }
}
