package dev.plugboard.woocommerce.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A REST API key the sandbox store knows: WooCommerce → Settings → Advanced → REST API → Add key
 * (notes §2), with its permissions and whether the WordPress user it acts as may manage the shop.
 *
 * @param pair the consumer key and secret
 * @param permission what the key may do, checked per HTTP method before routing (notes §4)
 * @param managesShop whether the key's user is an Administrator or Shop Manager; false for a Customer
 */
record ApiKey(SandboxKeys.KeyPair pair, Permission permission, boolean managesShop) {

  /** The key's Permissions setting. */
  enum Permission {
    READ, WRITE, READ_WRITE;

    boolean reads() {
      return this != WRITE;
    }

    boolean writes() {
      return this != READ;
    }
  }

  boolean secretMatches(String secret) {
    // hash_equals in WooCommerce: a comparison that takes as long whatever the secret.
    return MessageDigest.isEqual(pair.consumerSecret().getBytes(StandardCharsets.UTF_8),
        secret.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ApiKey[" + pair + ", " + permission + (managesShop ? "" : ", customer") + "]";
  }
}
