package dev.plugboard.woocommerce.sandbox;

import dev.plugboard.api.sandbox.Sandbox;
import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import org.pf4j.Extension;

/**
 * A stand-in for one made-up WooCommerce store, "Acceptance Outfitters", on 127.0.0.1:
 * {@code plugboard verify woocommerce --sandbox} tries the whole flow without a store. It answers
 * as WooCommerce does (notes §3, §4), telling the failures apart by the body's {@code code} and
 * {@code message}, with one key pair for each case ({@link SandboxKeys}) and one site for each
 * kind of address: the store at the root, the same store in a sub-folder at {@code /shop}, behind
 * a web host that strips the Authorization header at {@code /strips-authorization}, and a
 * WordPress site without WooCommerce at {@code /blog}.
 *
 * <p>Resources the options withhold ({@code --sandbox-scopes}) answer as they do to a key whose
 * WordPress user lacks the capability: 403 {@code woocommerce_rest_cannot_view}. The fault
 * {@code RejectToken} makes every key unknown to the store (as when it was revoked);
 * {@code UnknownAccount} offers the address of the WordPress site without WooCommerce.
 */
@Extension
public final class WooCommerceSandbox implements Sandbox {

  @Override
  public String connectorId() {
    return "woocommerce";
  }

  @Override
  public SandboxInstance start(SandboxOptions options) {
    return WordPressSites.start(options);
  }
}
