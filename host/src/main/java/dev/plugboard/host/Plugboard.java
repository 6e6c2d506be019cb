package dev.plugboard.host;

import com.google.crypto.tink.Aead;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.internal.form.FormSchema;
import dev.plugboard.host.internal.form.FormatPhase;
import dev.plugboard.host.internal.form.Forms;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.inject.Components;
import dev.plugboard.host.internal.inject.HostSettings;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.store.StoreChoice;
import java.nio.file.Files;
import dev.plugboard.host.internal.http.ExtraHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Plugboard host embedded in an application: the connector plugins of one folder, ready to
 * describe, draw forms for, verify and connect.
 *
 * <pre>{@code
 * try (Plugboard plugboard = Plugboard.builder()
 *     .pluginsDir(Path.of("/opt/plugboard/plugins"))
 *     .build()) {
 *   ConnectorDescriptor bigcommerce = plugboard.describe("bigcommerce");
 *   bigcommerce.scopes().forEach(scope -> System.out.println(scope.name() + ": " + scope.permission()));
 * }
 * }</pre>
 *
 * <p>A plugin that fails to load does not fail the host: it is listed by {@link #plugins()} with
 * its reason, and every other plugin works. Instances are thread-safe.
 */
public final class Plugboard implements AutoCloseable {

  private final Components components;

  private Plugboard(Components components) {
    this.components = components;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every plugin jar in the plugins folder, loaded or failed, ordered by id. */
  public List<PluginStatus> plugins() {
    return components.plugins().plugins();
  }

  /** The connectors the loaded plugins contribute, ordered by id. */
  public List<ConnectorDescriptor> connectors() {
    return components.plugins().connectors().stream().map(LoadedConnector::descriptor).toList();
  }

  /**
   * Everything the connector declares: guide, fields, scopes.
   *
   * @throws UnknownConnectorException when no loaded plugin contributes {@code connectorId}
   */
  public ConnectorDescriptor describe(String connectorId) {
    return components.plugins().connector(connectorId).descriptor();
  }

  /** {@code pluginId@version} of the plugin that contributes the connector. */
  public String pluginOf(String connectorId) {
    return components.plugins().connector(connectorId).pluginLabel();
  }

  /**
   * The connector's form: the values to ask for, in order, with help, examples, formats in words
   * and where in the setup guide each is found.
   *
   * @throws UnknownConnectorException when no loaded plugin contributes {@code connectorId}
   */
  public Form form(String connectorId) {
    ConnectorDescriptor descriptor = describe(connectorId);
    return Forms.of(descriptor, allowedHosts(descriptor));
  }

  /**
   * The connector's form as a JSON Schema (draft 2020-12) for web form libraries: titles,
   * descriptions, examples, full-value patterns, required fields, secrets marked {@code writeOnly}
   * and {@code format: password}. It describes values after {@link FormField#normalize(String)}.
   *
   * @throws UnknownConnectorException when no loaded plugin contributes {@code connectorId}
   */
  public String formJsonSchema(String connectorId) {
    ConnectorDescriptor descriptor = describe(connectorId);
    AllowedHosts hosts = allowedHosts(descriptor);
    return FormSchema.json(Forms.of(descriptor, hosts), hosts);
  }

  /**
   * Checks values without sending anything: required, clean-ups, length, characters, patterns and
   * the allow-list. Messages never repeat a value (of an address, only its host is named).
   *
   * @param values raw values by field id, as a user gave them; a field left out is missing
   * @return one check per declared field, in declared order
   * @throws UnknownConnectorException when no loaded plugin contributes {@code connectorId}
   * @throws PlugboardException when {@code values} names a field the connector does not declare
   */
  public List<FieldCheck> checkFormat(String connectorId, Map<String, String> values) {
    ConnectorDescriptor descriptor = describe(connectorId);
    return FormatPhase.check(descriptor, values, allowedHosts(descriptor)).fields();
  }

  /** Where the connector's credentials may go: its own hosts and those added with {@link Builder#allowHost}. */
  private AllowedHosts allowedHosts(ConnectorDescriptor descriptor) {
    return AllowedHosts.of(descriptor.http().allowedHosts(), components.settings().extraHosts());
  }

  /** Stops the plugins and releases their class loaders. */
  @Override
  public void close() {
    components.plugins().close();
  }

  /** Settings for a {@link Plugboard}; {@link #pluginsDir(Path)} is required. */
  public static final class Builder {
    private Path pluginsDir;
    private Path home = Path.of(System.getProperty("user.home"), ".plugboard");
    private final List<ExtraHost> extraHosts = new ArrayList<>();
    private ConnectionStore connectionStore;
    private Aead aead;

    private Builder() {}

    /** The folder holding plugin jars. */
    public Builder pluginsDir(Path pluginsDir) {
      this.pluginsDir = Objects.requireNonNull(pluginsDir, "pluginsDir == null");
      return this;
    }

    /** The folder connections and their key are kept in; {@code ~/.plugboard} unless set. */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home == null");
      return this;
    }

    /**
     * Adds {@code HOST} or {@code HOST:PORT} to every connector's allow-list, for testing against
     * a local stand-in. Plain http is then allowed to it if it is a loopback address.
     *
     * @throws IllegalArgumentException when {@code hostAndPort} is not {@code HOST[:PORT]}
     */
    public Builder allowHost(String hostAndPort) {
      extraHosts.add(ExtraHost.parse(hostAndPort));
      return this;
    }

    /**
     * Keeps connections in the application's own store (its database, say) instead of Plugboard's
     * encrypted file under {@link #home(Path)}. The store must keep secret values encrypted at rest.
     */
    public Builder connectionStore(ConnectionStore connectionStore) {
      this.connectionStore = Objects.requireNonNull(connectionStore, "connectionStore == null");
      return this;
    }

    /**
     * Seals the connections in Plugboard's file store with the application's key instead of a key
     * file created beside them: a Tink {@link Aead}, such as one backed by a cloud KMS, or from a
     * keyset of its own ({@code keysetHandle.getPrimitive(AeadConfig2026.get(), Aead.class)}).
     * No key file is written then. Connections sealed with one key do not open with another.
     */
    public Builder aead(Aead aead) {
      this.aead = Objects.requireNonNull(aead, "aead == null");
      return this;
    }

    /**
     * Loads the plugins.
     *
     * @throws PlugboardException when the plugins folder is missing or not a folder
     */
    public Plugboard build() {
      if (pluginsDir == null) {
        throw new IllegalStateException("pluginsDir == null: call pluginsDir(Path) before build()");
      }
      Path dir = pluginsDir.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new PlugboardException(
            "plugins folder " + dir + (Files.exists(dir) ? " is not a folder" : " does not exist"));
      }
      if (connectionStore != null && aead != null) {
        throw new IllegalStateException("connectionStore and aead are both set: aead is the key of Plugboard's own"
            + " file store, which an application store replaces; set one of them");
      }
      StoreChoice store = connectionStore != null ? new StoreChoice.ApplicationStore(connectionStore)
          : aead != null ? new StoreChoice.ApplicationKey(aead)
          : new StoreChoice.KeysetFile();
      Components components = Components.create(new HostSettings(dir, home.toAbsolutePath().normalize(), extraHosts), store);
      components.plugins();
      return new Plugboard(components);
    }
  }
}
