package dev.plugboard.host.internal.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.plugboard.host.internal.http.SharedHttpClient;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.sandbox.SandboxLauncher;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.internal.verify.Verifications;
import dev.plugboard.host.internal.verify.Verifier;

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

  @Provides
  @Singleton
  SharedHttpClient sharedHttpClient() {
    return new SharedHttpClient();
  }

  @Provides
  @Singleton
  Verifier verifier(HostSettings settings, SharedHttpClient http) {
    return new Verifier(settings, http::get); // built when a call is first sent: form and describe never pay for it
  }

  @Provides
  @Singleton
  Verifications verifications(PluginRegistry registry, HostSettings settings, Verifier verifier) {
    return new Verifications(registry, settings, verifier);
  }

  @Provides
  @Singleton
  SandboxLauncher sandboxLauncher(PluginRegistry registry) {
    return new SandboxLauncher(registry);
  }
}
