package dev.plugboard.woocommerce.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * The REST API keys the sandbox store knows besides its own Read key (which {@code values()}
 * offers, made fresh for every sandbox), one for each case of the notes' §4 table. Give one
 * instead of the offered key to see that case, for example
 * {@code PLUGBOARD_WOOCOMMERCE_CONSUMER_KEY=... PLUGBOARD_WOOCOMMERCE_CONSUMER_SECRET=...
 * plugboard verify woocommerce --sandbox}. They are made up, but are handled as the secrets they
 * stand for.
 */
public final class SandboxKeys {

  /** A key with Read/Write permissions of a Shop Manager: verifies, with a warning that it can also write. */
  public static final KeyPair READ_WRITE = new KeyPair(
      "ck_a5757dc8318e815b5dd08d9fe59bf5cfcc87ceb3", "cs_1e7e9197f703322caa723e88dbe2dadf671f9f06");

  /** A key with Write permissions only: every GET answers "does not have read permissions". */
  public static final KeyPair WRITE_ONLY = new KeyPair(
      "ck_ee5e2d22e8e7e65e1a2f9b84aef936848fadf3b5", "cs_4e0d5e872d3910e2ba4aa7f81783d538a047e1cd");

  /** A Read key made for a WordPress user who is a Customer: it authenticates, but may list nothing. */
  public static final KeyPair CUSTOMER_USER = new KeyPair(
      "ck_2347bdbab343ddfd4531152e98331431b95b71d7", "cs_42d79ce9e9c7f7eff78c44a1ef84dcf2199a58d4");

  /** Well formed, but no sandbox knows it: answered as an unknown key is. */
  public static final KeyPair UNKNOWN = new KeyPair(
      "ck_62462b0ef0aea54a8ce1db10dcc162beda21f5af", "cs_62462b0ef0aea54a8ce1db10dcc162beda21f5af");

  /** Well formed, but no sandbox key's secret: with a known key, answered "Consumer secret is invalid." */
  public static final String WRONG_SECRET = "cs_0badc0de0badc0de0badc0de0badc0de0badc0de";

  private SandboxKeys() {}

  /**
   * A consumer key and its secret, as WooCommerce shows them once when the key is generated.
   *
   * @param consumerKey {@code ck_} and 40 lowercase hexadecimal characters
   * @param consumerSecret {@code cs_} and 40 lowercase hexadecimal characters
   */
  public record KeyPair(String consumerKey, String consumerSecret) {

    public KeyPair {
      Objects.requireNonNull(consumerKey, "consumerKey == null");
      Objects.requireNonNull(consumerSecret, "consumerSecret == null");
    }

    /** The key as the connector's two field values, {@code consumer_key} and {@code consumer_secret}. */
    public Map<String, String> values() {
      return Map.of("consumer_key", consumerKey, "consumer_secret", consumerSecret);
    }

    /** The last 7 characters of the key, as WooCommerce's key list shows it ({@code …abc1234}). */
    public String truncatedKey() {
      return consumerKey.substring(consumerKey.length() - 7);
    }

    @Override
    public String toString() {
      return "KeyPair[…" + truncatedKey() + "]";
    }
  }
}
