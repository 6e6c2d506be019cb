package dev.plugboard.host.internal.inject;

import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.Scopes;
import dev.plugboard.host.internal.http.SharedHttpClient;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.sandbox.SandboxLauncher;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.internal.verify.Verifications;
import dev.plugboard.host.internal.verify.Verifier;

/**
 * How the host's parts are put together. Guice stays inside this package. The bindings are
 * written out rather than found through {@code @Provides} methods: Guice reads every method of a
 * module class (and its superclasses) for those, a tenth of a cold start's wiring.
 */
final class HostModule implements Module {

  private final HostSettings settings;

  HostModule(HostSettings settings) {
    this.settings = settings;
  }

  @Override
  public void configure(Binder binder) {
    binder.bind(HostSettings.class).toInstance(settings);
    Provider<PluginRegistry> registry = binder.getProvider(PluginRegistry.class);
    Provider<SharedHttpClient> http = binder.getProvider(SharedHttpClient.class);
    Provider<Verifier> verifier = binder.getProvider(Verifier.class);
    // Each built when first asked for, once.
    binder.bind(PluginRegistry.class).toProvider(() -> PluginRegistry.load(settings.pluginsDir())).in(Scopes.SINGLETON);
    binder.bind(SharedHttpClient.class).toProvider(SharedHttpClient::new).in(Scopes.SINGLETON);
    // The HTTP client is built when a call is first sent: form and describe never pay for it.
    binder.bind(Verifier.class).toProvider(() -> new Verifier(settings, base -> http.get().forBase(base)))
        .in(Scopes.SINGLETON);
    binder.bind(Verifications.class).toProvider(() -> new Verifications(registry.get(), settings, verifier.get()))
        .in(Scopes.SINGLETON);
    binder.bind(SandboxLauncher.class).toProvider(() -> new SandboxLauncher(registry.get())).in(Scopes.SINGLETON);
  }
}
