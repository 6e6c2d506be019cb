package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.VerificationListener;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.FormatPhase;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.settings.HostSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * A host's verifications, end to end: the format phase, then the live phases, with the hosts this
 * host allows, including those of the sandboxes it runs at the moment.
 */
public final class Verifications {

  private final PluginRegistry registry;
  private final HostSettings settings;
  private final Verifier verifier;
  private final Set<ExtraHost> sandboxHosts = ConcurrentHashMap.newKeySet();

  public Verifications(PluginRegistry registry, HostSettings settings, Verifier verifier) {
    this.registry = registry;
    this.settings = settings;
    this.verifier = verifier;
  }

  /** What one verification found, with what it started from. */
  public record Outcome(LoadedConnector connector, FormatResult format, VerificationReport report) {

    /** The host and port its calls went to (the base URL's), when the values passed the format phase. */
    public Optional<ExtraHost> calledAddress() {
      return format.values().flatMap(values -> {
        HttpUrl base = HttpUrl.parse(new Rendering(connector.descriptor(), values).baseUrl());
        return base == null ? Optional.empty() : Optional.of(new ExtraHost(base.host(), base.port()));
      });
    }
  }

  /** Where the connector's credentials may go now. */
  public AllowedHosts allowedHosts(ConnectorDescriptor descriptor) {
    return settings.allowedHosts(descriptor, List.copyOf(sandboxHosts));
  }

  /** The format phase alone: nothing is sent. */
  public FormatResult checkFormat(String connectorId, Map<String, String> values) {
    ConnectorDescriptor descriptor = registry.connector(connectorId).descriptor();
    return FormatPhase.check(descriptor, values, allowedHosts(descriptor));
  }

  /** Every phase; nothing is sent unless the format phase passes. */
  public Outcome verify(String connectorId, Map<String, String> values) {
    return verify(connectorId, values, VerificationListener.NONE);
  }

  /** Every phase, telling {@code listener} each as it is decided; nothing is sent unless the format phase passes. */
  public Outcome verify(String connectorId, Map<String, String> values, VerificationListener listener) {
    LoadedConnector connector = registry.connector(connectorId);
    FormatResult format = FormatPhase.check(connector.descriptor(), values, allowedHosts(connector.descriptor()));
    VerifyOptions.Builder options = VerifyOptions.builder().timeout(settings.verificationTimeout())
        .parallelism(settings.parallelism());
    // the sandboxes running are in the allow-list the format phase hands the run
    return new Outcome(connector, format, verifier.verify(connector, format, options.build(), listener));
  }

  /** Allows a running sandbox's address until the returned handle is closed. */
  public Runnable allowWhileRunning(ExtraHost sandbox) {
    sandboxHosts.add(sandbox);
    return () -> sandboxHosts.remove(sandbox);
  }
}
