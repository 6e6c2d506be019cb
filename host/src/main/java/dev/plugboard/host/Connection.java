package dev.plugboard.host;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A connection that verified and was kept: the values it verified with, the account they reach,
 * and what the last verification showed.
 *
 * <pre>{@code
 * Connection connection = Connection.of("shop/acme-outfitters", "1.0.0", values, Set.of("access_token"), report);
 * store.put(connection);
 * store.find("shop/acme-outfitters")
 *     .ifPresent(kept -> System.out.println(kept.maskedValues())); // {..., access_token=••••••••k3x9}
 * }</pre>
 *
 * <p>{@link #values()} holds secrets in the clear, for the code that uses the connection. Every
 * other way out is masked: {@link #toString()}, {@link #maskedValues()}, and the JSON the host
 * writes of it ({@code plugboard connections --json}), where {@code values} are the masked ones.
 *
 * <p>Every connection belongs to a tenant the application names ({@link ConnectionNames#DEFAULT_TENANT}
 * unless it says otherwise): a store keeps each tenant's connections apart, and a name is unique
 * within its tenant only. {@link #version()} is the store's count of writes of the connection,
 * 0 until it is first kept; a store refuses to overwrite a newer version with an older one (see
 * {@link ConnectionStore#put(Connection, long)}).
 *
 * @param tenant the tenant it belongs to; see {@link ConnectionNames#requireValidTenant(String)}
 * @param name the connection's name, such as {@code shop/acme-outfitters}; see {@link ConnectionNames}
 * @param connector the connector's id
 * @param pluginVersion the version of the plugin it was last verified with
 * @param values each field's normalised value by field id, in declared order; secrets included
 * @param secretFields the ids of the fields whose values are secrets
 * @param account the account the values reach
 * @param scopes each declared scope as the last verification found it
 * @param status the last verification's verdict
 * @param checkedAt when the last verification ran
 * @param nextCheckAt when it is due to be verified again, if it is scheduled
 * @param version how many times a store has written it: 0 before it is first kept
 * @param sandbox the sandbox account it was made with, when it was made against a connector's
 *     sandbox rather than the platform: verifying it again starts that sandbox again; empty for a
 *     connection to the platform (and for every record kept before this was recorded)
 */
public record Connection(
    String tenant,
    String name,
    String connector,
    String pluginVersion,
    Map<String, String> values,
    Set<String> secretFields,
    Account account,
    List<ScopeCheck> scopes,
    VerificationReport.Status status,
    Instant checkedAt,
    Optional<Instant> nextCheckAt,
    long version,
    Optional<SandboxAccount> sandbox) {

  private static final String MASK = "••••••••";

  /**
   * @throws InvalidConnectionNameException when {@code name} breaks {@link ConnectionNames}' rules
   * @throws IllegalArgumentException when {@code tenant} breaks the tenant rules or {@code version} is negative
   */
  public Connection {
    ConnectionNames.requireValidTenant(tenant);
    ConnectionNames.requireValid(name);
    Objects.requireNonNull(connector, "connector == null");
    if (connector.isBlank()) {
      throw new IllegalArgumentException("connector is blank: give the connector's id, as plugboard plugins lists them");
    }
    Objects.requireNonNull(pluginVersion, "pluginVersion == null");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    values.forEach((id, value) -> {
      Objects.requireNonNull(id, "a field id in values is null");
      Objects.requireNonNull(value, () -> "values." + id + " == null");
    });
    secretFields = Collections.unmodifiableSet(new TreeSet<>(secretFields));
    Objects.requireNonNull(account, "account == null");
    scopes = List.copyOf(scopes);
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(checkedAt, "checkedAt == null");
    Objects.requireNonNull(nextCheckAt, "nextCheckAt == null: use Optional.empty()");
    if (version < 0) {
      throw new IllegalArgumentException("version is negative: " + version);
    }
    Objects.requireNonNull(sandbox, "sandbox == null: use Optional.empty() for a connection to the platform");
  }

  /** A connection to the platform itself, not to a sandbox. */
  public Connection(String tenant, String name, String connector, String pluginVersion, Map<String, String> values,
      Set<String> secretFields, Account account, List<ScopeCheck> scopes, VerificationReport.Status status,
      Instant checkedAt, Optional<Instant> nextCheckAt, long version) {
    this(tenant, name, connector, pluginVersion, values, secretFields, account, scopes, status, checkedAt, nextCheckAt,
        version, Optional.empty());
  }

  /** A connection of the default tenant, not yet kept and not scheduled. */
  public Connection(String name, String connector, String pluginVersion, Map<String, String> values,
      Set<String> secretFields, Account account, List<ScopeCheck> scopes, VerificationReport.Status status,
      Instant checkedAt) {
    this(ConnectionNames.DEFAULT_TENANT, name, connector, pluginVersion, values, secretFields, account, scopes, status,
        checkedAt, Optional.empty(), 0);
  }

  /**
   * The connection a verification report vouches for.
   *
   * @param values the values that were verified, by field id in declared order
   * @param secretFields which of them are secrets
   */
  public static Connection of(
      String name, String pluginVersion, Map<String, String> values, Set<String> secretFields, VerificationReport report) {
    return new Connection(name, report.connector(), pluginVersion, values, secretFields, report.account(),
        report.scopes(), report.status(), report.checkedAt());
  }

  /**
   * This connection with the outcome of verifying its values again. The account is kept when the
   * new report could not name it (an unreachable platform does not make a store nameless), even if
   * the report holds the descriptor's default account values.
   *
   * @throws IllegalArgumentException when the report is about another connector
   */
  public Connection withVerification(String pluginVersion, VerificationReport report) {
    if (!report.connector().equals(connector)) {
      throw new IllegalArgumentException(
          "the report is about connector " + report.connector() + ", but connection " + name + " is a " + connector + " connection");
    }
    Account newAccount = report.account().display().isEmpty() ? account : report.account();
    return new Connection(tenant, name, connector, pluginVersion, values, secretFields, newAccount, report.scopes(),
        report.status(), report.checkedAt(), nextCheckAt, version, sandbox);
  }

  /** This connection in {@code tenant}. */
  public Connection withTenant(String tenant) {
    return new Connection(tenant, name, connector, pluginVersion, values, secretFields, account, scopes, status,
        checkedAt, nextCheckAt, version, sandbox);
  }

  /** This connection due to be verified again at {@code nextCheckAt}, or never when empty. */
  public Connection withNextCheckAt(Optional<Instant> nextCheckAt) {
    return new Connection(tenant, name, connector, pluginVersion, values, secretFields, account, scopes, status,
        checkedAt, nextCheckAt, version, sandbox);
  }

  /** This connection as made against a sandbox with {@code sandbox}'s account, or against the platform when empty. */
  public Connection withSandbox(Optional<SandboxAccount> sandbox) {
    return new Connection(tenant, name, connector, pluginVersion, values, secretFields, account, scopes, status,
        checkedAt, nextCheckAt, version, sandbox);
  }

  /**
   * This connection with other values (normalised, by field id), such as those a freshly started
   * sandbox gives its account; the secret fields stay the same.
   */
  public Connection withValues(Map<String, String> values) {
    return new Connection(tenant, name, connector, pluginVersion, values, secretFields, account, scopes, status,
        checkedAt, nextCheckAt, version, sandbox);
  }

  /** This connection as the store keeps it at {@code version}: for store implementations. */
  public Connection withVersion(long version) {
    return new Connection(tenant, name, connector, pluginVersion, values, secretFields, account, scopes, status,
        checkedAt, nextCheckAt, version, sandbox);
  }

  /** Whether it is scheduled to be verified again before {@code instant}. */
  public boolean dueBefore(Instant instant) {
    return nextCheckAt.map(at -> at.isBefore(instant)).orElse(false);
  }

  /** Whether the field's value is a secret. */
  public boolean isSecret(String fieldId) {
    return secretFields.contains(fieldId);
  }

  /** The values with each secret masked by {@link #mask(String)}: what {@code connections show} prints. */
  public Map<String, String> maskedValues() {
    Map<String, String> masked = new LinkedHashMap<>();
    values.forEach((id, value) -> masked.put(id, isSecret(id) ? mask(value) : value));
    return Collections.unmodifiableMap(masked);
  }

  /**
   * A secret as it may be shown: a fixed run of dots, then at most its last 4 characters and never
   * more than a quarter of it, so a short secret shows less or nothing ({@code ••••••••k3x9}).
   */
  public static String mask(String secret) {
    int length = secret.codePointCount(0, secret.length());
    int shown = Math.min(4, length / 4);
    return MASK + secret.substring(secret.offsetByCodePoints(0, length - shown));
  }

  /** Names the fields and masks the secrets. */
  @Override
  public String toString() {
    return "Connection[tenant=" + tenant + ", name=" + name + ", connector=" + connector + ", pluginVersion=" + pluginVersion
        + ", values=" + maskedValues() + ", account=" + account.display() + ", scopes=" + scopes.size()
        + ", status=" + status + ", checkedAt=" + checkedAt + ", nextCheckAt=" + nextCheckAt.map(Instant::toString).orElse("none")
        + ", version=" + version + sandbox.map(kept -> ", sandbox=" + kept.grantedScopes()).orElse("") + "]";
  }
}
