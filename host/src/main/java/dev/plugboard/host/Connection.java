package dev.plugboard.host;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A connection that verified and was kept: the values it verified with, the account they reach,
 * and what the last verification showed.
 *
 * <pre>{@code
 * Connection connection = Connection.of("bigcommerce/acme-outfitters", "1.0.0", values, Set.of("access_token"), report);
 * store.put(connection);
 * store.find("bigcommerce/acme-outfitters")
 *     .ifPresent(kept -> System.out.println(kept.maskedValues())); // {..., access_token=••••••••k3x9}
 * }</pre>
 *
 * <p>{@link #values()} holds secrets in the clear, for the code that uses the connection. Every
 * other way out is masked: {@link #toString()}, {@link #maskedValues()}, and the JSON Jackson
 * writes of it, where {@code values} are the masked ones.
 *
 * @param name the connection's name, such as {@code bigcommerce/acme-outfitters}; see {@link ConnectionNames}
 * @param connector the connector's id
 * @param pluginVersion the version of the plugin it was last verified with
 * @param values each field's normalised value by field id, in declared order; secrets included
 * @param secretFields the ids of the fields whose values are secrets
 * @param account the account the values reach
 * @param scopes each declared scope as the last verification found it
 * @param status the last verification's verdict
 * @param checkedAt when the last verification ran
 */
public record Connection(
    String name,
    String connector,
    String pluginVersion,
    @JsonIgnore Map<String, String> values,
    Set<String> secretFields,
    Account account,
    List<ScopeCheck> scopes,
    VerificationReport.Status status,
    Instant checkedAt) {

  private static final String MASK = "••••••••";

  /** @throws InvalidConnectionNameException when {@code name} breaks {@link ConnectionNames}' rules */
  public Connection {
    ConnectionNames.requireValid(name);
    Objects.requireNonNull(connector, "connector == null");
    if (connector.isBlank()) {
      throw new IllegalArgumentException("connector is blank: give the connector's id, such as bigcommerce");
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
    return new Connection(name, connector, pluginVersion, values, secretFields, newAccount, report.scopes(),
        report.status(), report.checkedAt());
  }

  /** Whether the field's value is a secret. */
  public boolean isSecret(String fieldId) {
    return secretFields.contains(fieldId);
  }

  /** The values with each secret masked by {@link #mask(String)}: what {@code connections show} prints. */
  @JsonProperty("values")
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
    return "Connection[name=" + name + ", connector=" + connector + ", pluginVersion=" + pluginVersion
        + ", values=" + maskedValues() + ", account=" + account.display() + ", scopes=" + scopes.size()
        + ", status=" + status + ", checkedAt=" + checkedAt + "]";
  }
}
