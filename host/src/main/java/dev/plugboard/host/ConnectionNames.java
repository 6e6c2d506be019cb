package dev.plugboard.host;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How connections are named: the default name a new connection gets, and the rules a name given
 * by a user must follow.
 *
 * <pre>{@code
 * String name = ConnectionNames.defaultName("shop", report.account(), values, secretFields);
 * // "shop/acme-outfitters" for a store named "Acme Outfitters"
 * ConnectionNames.requireValid("shop/Main Store"); // throws InvalidConnectionNameException
 * }</pre>
 *
 * <p>A name is 1 to {@value #MAX_LENGTH} characters: lowercase ASCII letters, digits, {@code -},
 * {@code _} and {@code .}, starting and ending with a letter or digit; optionally two such parts
 * joined by one {@code /}.
 *
 * <p>A tenant, which the application names ({@code customer-42}, a UUID), is 1 to {@value
 * #MAX_TENANT_LENGTH} ASCII letters, digits, {@code -}, {@code _} and {@code .}, starting with a
 * letter or digit. Tenants differing only in case are different tenants.
 */
public final class ConnectionNames {

  /** The longest name allowed. */
  public static final int MAX_LENGTH = 64;

  /** A name that follows the rules, shown in messages that know no connector. */
  public static final String EXAMPLE = "shop/acme-outfitters";

  /** What the rules say, in words, for messages. */
  public static final String RULES = "up to " + MAX_LENGTH + " lowercase letters, digits, '-', '_' and '.',"
      + " starting and ending with a letter or digit, optionally two such parts joined by one '/'";

  /** The tenant of the CLI, and of an application that names none. */
  public static final String DEFAULT_TENANT = "default";

  /** The longest tenant allowed. */
  public static final int MAX_TENANT_LENGTH = 128;

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final String PART = "[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?";
  private static final Pattern NAME = Pattern.compile(PART + "(?:/" + PART + ")?");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
  private static final int FINGERPRINT_LENGTH = 8;
  private static final int MAX_CONNECTOR_LENGTH = 31;

  private ConnectionNames() {}

  /** Whether {@code name} follows the rules. */
  public static boolean isValid(String name) {
    return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
  }

  /**
   * Returns {@code name} when it follows the rules.
   *
   * @throws InvalidConnectionNameException when it does not, saying the rules and an example
   */
  public static String requireValid(String name) {
    if (!isValid(name)) {
      throw new InvalidConnectionNameException(name);
    }
    return name;
  }

  /**
   * Returns {@code name} when it follows the rules; the refusal's example is a name of
   * {@code connectorId}'s connections ({@code woo/acme-outfitters} for connector {@code woo}).
   *
   * @throws InvalidConnectionNameException when it does not, saying the rules and that example
   */
  public static String requireValid(String name, String connectorId) {
    if (!isValid(name)) {
      throw new InvalidConnectionNameException(name, exampleFor(connectorId));
    }
    return name;
  }

  /** A name following the rules for a connection of {@code connectorId}, shown in messages. */
  public static String exampleFor(String connectorId) {
    String example = slug(connectorId == null ? "" : connectorId) + "/acme-outfitters";
    return isValid(example) ? example : EXAMPLE;
  }

  /** Whether {@code tenant} follows the tenant rules. */
  public static boolean isValidTenant(String tenant) {
    return tenant != null && tenant.length() <= MAX_TENANT_LENGTH && TENANT.matcher(tenant).matches();
  }

  /**
   * Returns {@code tenant} when it follows the tenant rules.
   *
   * @throws IllegalArgumentException when it does not; the message does not repeat it
   */
  public static String requireValidTenant(String tenant) {
    if (!isValidTenant(tenant)) {
      throw new IllegalArgumentException((tenant == null ? "tenant == null" : "a tenant of " + tenant.length()
          + " characters is not allowed") + ": use 1 to " + MAX_TENANT_LENGTH
          + " ASCII letters, digits, '-', '_' and '.', starting with a letter or digit, such as customer-42");
    }
    return tenant;
  }

  /**
   * The name a connection gets when none is given: {@code connector/slug}, the slug taken from the
   * account's {@code name} value, else from its {@code domain} value, else the first 8 hex digits of
   * a SHA-256 of the non-secret values (so connecting the same account again finds the same name,
   * and nothing is derived from a secret).
   *
   * @param values the verified values by field id, in declared order
   * @param secretFields which of them are secrets; these are left out of the fingerprint
   */
  public static String defaultName(
      String connectorId, Account account, Map<String, String> values, Set<String> secretFields) {
    String connector = cut(slug(connectorId), MAX_CONNECTOR_LENGTH);
    if (connector.isEmpty()) {
      throw new IllegalArgumentException("connector id has no letter or digit to name a connection by: " + connectorId);
    }
    String accountPart = slug(account.values().getOrDefault("name", ""));
    if (accountPart.isEmpty()) {
      accountPart = slug(account.values().getOrDefault("domain", ""));
    }
    if (accountPart.isEmpty()) {
      accountPart = fingerprint(values, secretFields);
    }
    return connector + "/" + cut(accountPart, MAX_LENGTH - connector.length() - 1);
  }

  /**
   * {@code text} as lowercase ASCII letters and digits joined by single {@code -}: accents folded
   * ({@code Café Zürich} → {@code cafe-zurich}), everything else a separator. Empty when nothing
   * is left.
   */
  public static String slug(String text) {
    String lower = Objects.requireNonNull(text, "text == null").toLowerCase(Locale.ROOT);
    String folded = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("")
        .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
        .replace("ł", "l").replace("đ", "d").replace("ð", "d").replace("þ", "th");
    return trimDashes(NOT_SLUG.matcher(folded).replaceAll("-"));
  }

  private static String fingerprint(Map<String, String> values, Set<String> secretFields) {
    StringBuilder text = new StringBuilder();
    values.forEach((id, value) -> {
      if (!secretFields.contains(id)) {
        text.append(id).append('=').append(value).append('\n');
      }
    });
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  // Cuts at the last whole word that fits, when there is one.
  private static String cut(String slug, int max) {
    if (slug.length() <= max) {
      return slug;
    }
    String cut = slug.substring(0, max);
    int lastDash = cut.lastIndexOf('-');
    return trimDashes(slug.charAt(max) != '-' && lastDash > 0 ? cut.substring(0, lastDash) : cut);
  }

  private static String trimDashes(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '-') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(start, end);
  }

  /**
   * {@code next}, the result of an update of {@code name}, once checked: for {@link
   * ConnectionStore#update} implementations, since an update may not move a connection to another name.
   *
   * @throws IllegalArgumentException when {@code next} is a connection of another name
   */
  public static Optional<Connection> requireKeptUnder(String name, Optional<Connection> next) {
    return requireKeptUnder(DEFAULT_TENANT, name, next);
  }

  /**
   * {@code next}, the result of an update of {@code name} in {@code tenant}, once checked: an
   * update may move a connection neither to another name nor to another tenant.
   *
   * @throws IllegalArgumentException when {@code next} is a connection of another name or tenant
   */
  public static Optional<Connection> requireKeptUnder(String tenant, String name, Optional<Connection> next) {
    Objects.requireNonNull(next, "an update returned null; return Optional.empty() to keep nothing");
    next.ifPresent(connection -> {
      if (!connection.name().equals(name)) {
        throw new IllegalArgumentException("an update of " + name + " returned connection " + connection.name());
      }
      if (!connection.tenant().equals(tenant)) {
        throw new IllegalArgumentException("an update of " + name + " in tenant " + tenant
            + " returned a connection of tenant " + connection.tenant());
      }
    });
    return next;
  }
}
