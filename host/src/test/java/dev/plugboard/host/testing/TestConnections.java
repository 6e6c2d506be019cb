package dev.plugboard.host.testing;

import dev.plugboard.host.Account;
import dev.plugboard.host.Connection;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Connections as a BigCommerce verification would leave them, carrying canary secrets: values no
 * output and no file may ever contain.
 */
public final class TestConnections {

  /** An access token that must never be seen outside a sealed record. */
  public static final String CANARY_TOKEN = "canarytokenq7x5w3v1u9t8s6r4p2nk3x9";
  /** A client secret that must never be seen outside a sealed record. */
  public static final String CANARY_CLIENT_SECRET = "canarysecretk2j4h6g8f0d1s3a5p7o";
  /** The fields of {@link #connection} whose values are secrets. */
  public static final Set<String> SECRET_FIELDS = Set.of("access_token", "client_secret");
  /** When the connections were checked. */
  public static final Instant CHECKED_AT = Instant.parse("2025-05-04T10:15:30.123456Z");

  private TestConnections() {}

  /** A verified connection holding {@link #CANARY_TOKEN} and {@link #CANARY_CLIENT_SECRET}. */
  public static Connection connection(String name) {
    return connection(name, CANARY_TOKEN, CANARY_CLIENT_SECRET);
  }

  /** A verified connection holding the given secrets. */
  public static Connection connection(String name, String accessToken, String clientSecret) {
    return new Connection(name, "bigcommerce", "1.0.0", values(accessToken, clientSecret), SECRET_FIELDS, account(),
        scopes(), VerificationReport.Status.VERIFIED, CHECKED_AT);
  }

  /** {@code connection} as it was before a store kept it: version 0, so it compares with the one put. */
  public static Connection unversioned(Connection connection) {
    return connection.withVersion(0);
  }

  /** {@link #unversioned(Connection)} of each. */
  public static List<Connection> unversioned(List<Connection> connections) {
    return connections.stream().map(TestConnections::unversioned).toList();
  }

  /** {@link #unversioned(Connection)} of the one there may be. */
  public static java.util.Optional<Connection> unversioned(java.util.Optional<Connection> connection) {
    return connection.map(TestConnections::unversioned);
  }

  /** BigCommerce's four values, in declared order. */
  public static Map<String, String> values(String accessToken, String clientSecret) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("api_path", "https://api.bigcommerce.com/stores/abc123/v3/");
    values.put("access_token", accessToken);
    values.put("client_id", "0123456789abcdefghijklmnopqrstu");
    values.put("client_secret", clientSecret);
    return values;
  }

  /** The account BigCommerce's sandbox store names. */
  public static Account account() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", "Acceptance Outfitters");
    values.put("domain", "acceptance-outfitters.mybigcommerce.com");
    values.put("store_hash", "abc123");
    values.put("currency", "USD");
    values.put("timezone", "Europe/London");
    values.put("default_channel_id", "1");
    return new Account("Acceptance Outfitters (acceptance-outfitters.mybigcommerce.com)", values);
  }

  /** Two scopes as probes found them: one granted, one missing with its remediation. */
  public static List<ScopeCheck> scopes() {
    return List.of(
        new ScopeCheck("Content", "Read-only", "store_v2_content_read_only", ScopeCheck.Status.GRANTED,
            Optional.of(new Evidence("GET", "api.bigcommerce.com", "/stores/abc123/v3/content/pages?limit=1", OptionalInt.of(200), 1, 84, "")), ""),
        new ScopeCheck("Orders", "Read-only", "store_v2_orders_read_only", ScopeCheck.Status.MISSING,
            Optional.of(new Evidence("GET", "api.bigcommerce.com", "/stores/abc123/v2/orders/count", OptionalInt.of(403), 1, 91, "")),
            "Step 6: Settings → API Accounts → your API account → OAuth Scopes → Orders: Read-only, then Save."));
  }

  /** A report such as verifying {@link #connection}'s values again would give. */
  public static VerificationReport report(VerificationReport.Status status, Account account, Instant checkedAt) {
    return new VerificationReport("bigcommerce", status, account, List.of(), List.of(), scopes(), List.of(), checkedAt);
  }
}
