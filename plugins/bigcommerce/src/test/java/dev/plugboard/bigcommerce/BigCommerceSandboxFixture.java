package dev.plugboard.bigcommerce;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.FormatPhase;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.HttpClients;
import dev.plugboard.host.internal.http.RetryPolicy;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.sandbox.RunningSandbox;
import dev.plugboard.host.internal.sandbox.SandboxLauncher;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.internal.verify.Verifier;
import dev.plugboard.host.internal.verify.VerifyOptions;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * The BigCommerce plugin as users get it: this module's classes packed into a real plugin jar,
 * loaded by the host, its sandbox started through the extension, and the host's verification
 * engine over a real HTTP client pointed at it. Close it after use.
 *
 * <pre>{@code
 * try (BigCommerceSandboxFixture store = BigCommerceSandboxFixture.start(tempDir, SandboxOptions.defaults())) {
 *   VerificationReport report = store.verify();
 * }
 * }</pre>
 */
public final class BigCommerceSandboxFixture implements AutoCloseable {

  /** Retries with waits of a few milliseconds, so that tests of server errors stay fast. */
  public static final RetryPolicy FAST_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5));

  private final PluginRegistry registry;
  private final RunningSandbox sandbox;
  private final OkHttpClient client = HttpClients.create();
  private final LoadedConnector connector;

  private BigCommerceSandboxFixture(PluginRegistry registry, SandboxOptions options) {
    this.registry = registry;
    this.connector = registry.connector("bigcommerce");
    this.sandbox = new SandboxLauncher(registry).start(connector, options);
  }

  /** Packs {@code target/classes} into a plugin jar in {@code pluginsDir}, loads it and starts its sandbox. */
  public static BigCommerceSandboxFixture start(Path pluginsDir, SandboxOptions options) {
    TestPluginJar.plugin("bigcommerce").directory(Path.of("target/classes")).writeTo(pluginsDir);
    PluginRegistry registry = PluginRegistry.load(pluginsDir);
    try {
      return new BigCommerceSandboxFixture(registry, options);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
  }

  public ConnectorDescriptor descriptor() {
    return connector.descriptor();
  }

  public RunningSandbox sandbox() {
    return sandbox;
  }

  /** The sandbox's values through the real format phase, the sandbox's address allowed as {@code --sandbox} does. */
  public FormatResult values() {
    return values(UnaryOperator.identity());
  }

  /** The sandbox's values with some changed, such as another token, through the real format phase. */
  public FormatResult values(UnaryOperator<Map<String, String>> change) {
    return FormatPhase.check(connector.descriptor(), change.apply(new HashMap<>(sandbox.defaults())), allowedHosts());
  }

  /** The descriptor's hosts and the sandbox's address. */
  public AllowedHosts allowedHosts() {
    return AllowedHosts.of(connector.descriptor().http().allowedHosts(), List.of(sandbox.extraHost()));
  }

  /** Fast retries and the sandbox's address allowed, as {@code --sandbox} does. */
  public VerifyOptions.Builder options() {
    return VerifyOptions.builder().retry(FAST_RETRIES).allowHost(sandbox.extraHost());
  }

  public VerificationReport verify() {
    return verify(values(), options().build());
  }

  public VerificationReport verify(VerifyOptions options) {
    return verify(values(), options);
  }

  public VerificationReport verify(FormatResult values, VerifyOptions options) {
    Verifier verifier = new Verifier(new HostSettings(registry.pluginsDir(), registry.pluginsDir(), List.of()), client);
    return verifier.verify(connector, values, options);
  }

  /** What the sandbox answered so far. */
  public List<SandboxInstance.Exchange> exchanges() {
    return sandbox.exchanges();
  }

  @Override
  public void close() {
    sandbox.close();
    HttpClients.close(client);
    registry.close();
  }
}
