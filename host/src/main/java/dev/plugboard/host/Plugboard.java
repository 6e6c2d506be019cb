package dev.plugboard.host;

import com.google.crypto.tink.Aead;
import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.internal.HostVersion;
import dev.plugboard.host.internal.connect.Connecting;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.form.CredentialsFileReader;
import dev.plugboard.host.internal.form.FormSchema;
import dev.plugboard.host.internal.form.Forms;
import dev.plugboard.host.internal.form.ValuesFileReader;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.inject.Components;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.sandbox.RunningSandbox;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.internal.store.StoreChoice;
import dev.plugboard.host.internal.verify.Verifications;
import dev.plugboard.host.internal.verify.VerifyOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Plugboard host embedded in an application: the connector plugins of one folder, ready to
 * describe, draw forms for, verify and connect. The CLI is a thin layer over this class.
 *
 * <pre>{@code
 * try (Plugboard plugboard = Plugboard.builder()
 *     .pluginsDir(Path.of("/opt/plugboard/plugins"))
 *     .home(Path.of("/var/lib/bookkeeping/plugboard"))
 *     .build()) {
 *   ConnectResult result = plugboard.connect("shop", valuesFromYourForm);
 *   if (result.stored()) {
 *     Connection shop = result.connection().orElseThrow();  // kept encrypted under its name
 *   } else {
 *     result.report().problems().forEach(p -> System.out.println(p.message() + " " + p.remediation()));
 *   }
 * }
 * }</pre>
 *
 * <p>A plugin that fails to load does not fail the host: it is listed by {@link #plugins()} with
 * its reason, and every other plugin works. Instances are thread-safe; close them to release the
 * plugins and the HTTP client.
 */
public final class Plugboard implements AutoCloseable {

  private final Components components;
  private final Set<SandboxSession> sandboxes = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private Plugboard(Components components) {
    this.components = components;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This host's version, as built, such as {@code 0.1.0}. */
  public static String version() {
    return HostVersion.get();
  }

  /**
   * Starts preparing, in the background, what building a host needs first (the logging its wiring
   * uses) and what reading the descriptors of the plugins in {@code pluginsDir} needs (the YAML
   * reader), so that it overlaps with the rest of a start-up: for a short-lived process, such as a
   * command line, to call first. Descriptors are not prepared when the folder holds no jar or is
   * no folder; each preparation runs once per process.
   */
  public static void prepareLoading(Path pluginsDir) {
    Components.prepareInBackground();
    PluginRegistry.prepareLoading(pluginsDir);
  }

  /** Every plugin jar in the plugins folder, loaded or failed, ordered by id. */
  public List<PluginStatus> plugins() {
    return components().plugins().plugins();
  }

  /** The connectors the loaded plugins contribute, ordered by id. */
  public List<ConnectorDescriptor> connectors() {
    return components().plugins().connectors().stream().map(LoadedConnector::descriptor).toList();
  }

  /**
   * Everything the connector declares: guide, fields, scopes.
   *
   * @throws UnknownConnectorException when no loaded plugin contributes {@code connectorId}
   */
  public ConnectorDescriptor describe(String connectorId) {
    return components().plugins().connector(connectorId).descriptor();
  }

  /** {@code pluginId@version} of the plugin that contributes the connector. */
  public String pluginOf(String connectorId) {
    return components().plugins().connector(connectorId).pluginLabel();
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
    return checkValues(connectorId, values).fields();
  }

  /**
   * {@link #checkFormat(String, Map)} with the values as the host would use them, for a form to
   * show back, so that what was typed and what will be used do not differ unseen (see {@link
   * ValueChecks#cleaned()}). Nothing is sent.
   *
   * @throws UnknownConnectorException when no loaded plugin contributes {@code connectorId}
   */
  public ValueChecks checkValues(String connectorId, Map<String, String> values) {
    FormatResult result = verifications().checkFormat(connectorId, values);
    return new ValueChecks(result.fields(), result.cleaned());
  }

  /**
   * The values in the platform's credentials file (the one it downloads when the credentials are
   * made), read as {@code --credentials-file} reads it: by the labels the connector's fields
   * declare, by field id, in declared order, raw (the format phase cleans them up).
   *
   * @param name the file as messages name it, such as {@code the file you dropped}
   * @throws UnknownConnectorException when no loaded plugin contributes {@code connectorId}
   * @throws ValuesException when the stream is over 1 MiB, not UTF-8, holds none of the labels
   *     or gives one field twice; the message never holds a value
   */
  public Map<String, String> readCredentialsFile(String connectorId, InputStream in, String name) {
    return CredentialsFileReader.read(describe(connectorId), in, name);
  }

  /**
   * {@link #readCredentialsFile(String, InputStream, String)} of a file, named in messages by its
   * absolute path.
   *
   * @throws ValuesException also when the file is missing, a folder or unreadable
   */
  public Map<String, String> readCredentialsFile(String connectorId, Path file) {
    return CredentialsFileReader.read(describe(connectorId), file);
  }

  /**
   * The values of a values file, as {@code --values-file} reads it: one JSON object of string
   * values by field id, such as {@code {"api_path": "https://...", "access_token": "..."}}; a
   * field whose JSON value is {@code null} counts as not given.
   *
   * @param name the stream as messages name it, such as {@code values file on standard input}
   * @throws UnknownConnectorException when no loaded plugin contributes {@code connectorId}
   * @throws ValuesException when the stream is over 1 MiB, not UTF-8, not one JSON object of
   *     strings, or names a field the connector does not have; the message never holds a value
   */
  public Map<String, String> readValuesFile(String connectorId, InputStream in, String name) {
    return ValuesFileReader.read(describe(connectorId), in, name);
  }

  /**
   * {@link #readValuesFile(String, InputStream, String)} of a file, named in messages by its
   * absolute path.
   *
   * @throws ValuesException also when the file is missing, a folder or unreadable
   */
  public Map<String, String> readValuesFile(String connectorId, Path file) {
    return ValuesFileReader.read(describe(connectorId), file);
  }

  /**
   * Verifies values live, storing nothing: format, then credentials, identity and one probe per
   * declared scope. The report is the document {@code plugboard verify --json} prints; every
   * declared scope is in it, whatever failed.
   *
   * @param values raw values by field id, as a user gave them
   * @throws UnknownConnectorException when no loaded plugin contributes {@code connectorId}
   */
  public VerificationReport verify(String connectorId, Map<String, String> values) {
    return verify(connectorId, values, VerificationListener.NONE);
  }

  /**
   * {@link #verify(String, Map)}, telling {@code listener} each phase and scope as it is decided:
   * what a progress display or a streaming web page listens with. The last event holds the
   * report this returns; a listener that throws hears no more, and the verification goes on.
   *
   * @throws UnknownConnectorException when no loaded plugin contributes {@code connectorId} (no event is sent)
   */
  public VerificationReport verify(String connectorId, Map<String, String> values, VerificationListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    return verifications().verify(connectorId, values, listener).report();
  }

  /** {@link #connect(String, Map, String)} under the default name, such as {@code shop/acme-outfitters}. */
  public ConnectResult connect(String connectorId, Map<String, String> values) {
    return connect(connectorId, values, VerificationListener.NONE);
  }

  /**
   * {@link #connect(String, Map)}, telling {@code listener} each phase and scope as it is decided
   * (see {@link #connect(String, Map, String, VerificationListener)}).
   */
  public ConnectResult connect(String connectorId, Map<String, String> values, VerificationListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    return connecting().connect(connectorId, values, null, listener);
  }

  /**
   * Verifies values and, only when they verify, keeps the connection under {@code name},
   * replacing the one of that name if any. What did not verify is not kept. Values that reach a
   * sandbox this host runs ({@link #startSandbox}) are kept as a sandbox connection: {@link
   * Connection#sandbox()} holds the sandbox's account, and {@link #verifyConnection(String)} starts
   * that sandbox again.
   *
   * @param name the name to keep it under ({@link #connect(String, Map)} takes the default one from the account)
   * @throws InvalidConnectionNameException when {@code name} breaks {@link ConnectionNames}' rules
   */
  public ConnectResult connect(String connectorId, Map<String, String> values, String name) {
    return connect(connectorId, values, name, VerificationListener.NONE);
  }

  /**
   * {@link #connect(String, Map, String)}, telling {@code listener} each phase and scope of the
   * verification as it is decided (see {@link #verify(String, Map, VerificationListener)}); the
   * connection is kept after {@code Finished} is sent.
   */
  public ConnectResult connect(String connectorId, Map<String, String> values, String name,
      VerificationListener listener) {
    Objects.requireNonNull(name, "name == null: connect(connectorId, values, listener) takes the default name");
    Objects.requireNonNull(listener, "listener == null");
    return connecting().connect(connectorId, values, name, listener);
  }

  /** Where verified connections are kept: Plugboard's encrypted file, or the application's own store. */
  public ConnectionStore connections() {
    return components().connections();
  }

  /**
   * Verifies a kept connection again with its stored values and records the outcome in it. An
   * {@code INVALID} outcome (the stored values no longer pass the format phase here, say because
   * a test host is not allowed in this run) sent nothing, so it is returned but not recorded.
   *
   * <p>A connection made against a sandbox ({@link Connection#sandbox()}) is verified against its
   * connector's sandbox started afresh for the verification, granting the scopes it granted then,
   * and stopped after it: a sandbox makes its address and credentials anew at every start, so the
   * new sandbox's values are the ones verified, and recorded in the connection with the outcome.
   * The account is the same made-up one.
   *
   * @throws UnknownConnectionException when no connection is kept under {@code name}
   * @throws UnknownConnectorException when its connector is no longer loaded
   * @throws PlugboardException when it was made against a sandbox that no longer starts (its plugin
   *     ships none now, or knows none of the scopes it granted)
   */
  public VerificationReport verifyConnection(String name) {
    return verifyConnection(ConnectionNames.DEFAULT_TENANT, name, Optional.empty());
  }

  /**
   * {@link #verifyConnection(String)} for {@code tenant}'s connection, recording in the same write
   * when it is due to be verified next (even when an {@code INVALID} outcome is not recorded): what
   * a re-verifier on a schedule calls.
   *
   * @throws UnknownConnectionException when {@code tenant} keeps no connection under {@code name}
   * @throws UnknownConnectorException when its connector is no longer loaded
   */
  public VerificationReport verifyConnection(String tenant, String name, Instant nextCheckAt) {
    return verifyConnection(tenant, name, Optional.of(Objects.requireNonNull(nextCheckAt, "nextCheckAt == null")));
  }

  private VerificationReport verifyConnection(String tenant, String name, Optional<Instant> nextCheckAt) {
    return connecting().verifyConnection(tenant, name, nextCheckAt);
  }

  /**
   * Starts the connector's sandbox, a stand-in for the platform on this machine, so the whole
   * flow can be tried without an account. While it runs, this host allows its address; its
   * account's values are {@link SandboxSession#values()}.
   *
   * @throws IllegalArgumentException when {@code options} name something the platform lacks (a scope, say)
   * @throws PlugboardException when the connector's plugin ships no sandbox
   */
  public SandboxSession startSandbox(String connectorId, SandboxOptions options) {
    LoadedConnector connector = components().plugins().connector(connectorId);
    RunningSandbox sandbox = components().sandboxes().start(connector, options);
    Runnable disallow = verifications().allowWhileRunning(sandbox.extraHost());
    SandboxSession session = new SandboxSession(connector.descriptor().id(), sandbox.extraHost().toString(), sandbox.defaults(),
        stopped -> {
          sandboxes.remove(stopped);
          disallow.run();
          sandbox.close();
        });
    sandboxes.add(session);
    return session;
  }

  /** Stops the sandboxes still running and the plugins, and releases their class loaders and the HTTP client. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        List.copyOf(sandboxes).forEach(SandboxSession::close);
      } finally {
        components.close();
      }
    }
  }

  private Components components() {
    if (closed.get()) {
      throw new IllegalStateException("this Plugboard is closed; build a new one");
    }
    return components;
  }

  private Connecting connecting() {
    return new Connecting(verifications(), connections(), components().sandboxes());
  }

  private Verifications verifications() {
    return components().verifications();
  }

  private AllowedHosts allowedHosts(ConnectorDescriptor descriptor) {
    return verifications().allowedHosts(descriptor);
  }

  /** Settings for a {@link Plugboard}; {@link #pluginsDir(Path)} is required. */
  public static final class Builder {
    private Path pluginsDir;
    private Path home = Path.of(System.getProperty("user.home"), ".plugboard");
    private final List<ExtraHost> extraHosts = new ArrayList<>();
    private ConnectionStore connectionStore;
    private String storeUrl;
    private Aead aead;
    private Duration verificationTimeout = VerifyOptions.DEFAULT_TIMEOUT;
    private int parallelism;
    private HostResolver resolver = HostResolver.SYSTEM;

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
     * Keeps connections in the store {@code url} names, opened by a {@link
     * dev.plugboard.host.spi.ConnectionStoreProvider} on the class path: {@code
     * jdbc:postgresql://db.internal/app} or {@code jdbc:sqlite:/var/lib/app/connections.db} with
     * {@code plugboard-store-jdbc}. A password is read from the environment, never from the URL.
     * Its data key is wrapped by {@link #aead(Aead)} when set, else by the key file in {@link #home(Path)}.
     *
     * <pre>{@code
     * Plugboard.builder().pluginsDir(plugins).store("jdbc:postgresql://db.internal/app").aead(kmsAead).build();
     * }</pre>
     */
    public Builder store(String url) {
      this.storeUrl = Objects.requireNonNull(url, "url == null");
      return this;
    }

    /**
     * Seals the connections in Plugboard's file store with the application's key instead of a key
     * file created beside them: a Tink {@link Aead}, such as one backed by a cloud KMS, or from a
     * keyset of its own ({@code keysetHandle.getPrimitive(AeadConfig2026.get(), Aead.class)}).
     * No key file is written then: the store's data key is kept wrapped by this key beside the
     * connections, and unwrapped once when the store opens, so records are sealed without a call
     * to a KMS each. With {@link #store(String)}, it wraps that store's data key the same way.
     * Connections sealed with one key do not open with another.
     */
    public Builder aead(Aead aead) {
      this.aead = Objects.requireNonNull(aead, "aead == null");
      return this;
    }

    /** How long a whole verification may take, retries and rate-limit waits included; 30 s unless set. */
    public Builder verificationTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("verificationTimeout must be positive: " + timeout);
      }
      this.verificationTimeout = timeout;
      return this;
    }

    /**
     * How many calls one verification may have out at once; 0 (the default) sends every scope's
     * probe at once, held back only by the rate limit the platform reports.
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 0) {
        throw new IllegalArgumentException("parallelism must be 0 (no limit) or more: " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * How host names the user typed (a merchant's own domain) are resolved: the system's resolver
     * unless given. Every address must be public; the run sends only to the addresses checked.
     */
    public Builder resolver(HostResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver == null");
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
      if (connectionStore != null && storeUrl != null) {
        throw new IllegalStateException("connectionStore and store(url) are both set: set one of them");
      }
      StoreChoice store = connectionStore != null ? new StoreChoice.ApplicationStore(connectionStore)
          : storeUrl != null ? new StoreChoice.Url(storeUrl, Optional.ofNullable(aead))
          : aead != null ? new StoreChoice.ApplicationKey(aead)
          : new StoreChoice.KeysetFile();
      HostSettings settings = new HostSettings(dir, home.toAbsolutePath().normalize(), extraHosts,
          verificationTimeout, parallelism, resolver);
      Components components = Components.create(settings, store);
      components.plugins();
      return new Plugboard(components);
    }
  }
}
