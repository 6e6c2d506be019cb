package dev.plugboard.bigcommerce.sandbox;

import dev.plugboard.api.sandbox.Sandbox;
import dev.plugboard.api.sandbox.SandboxInstance;
import dev.plugboard.api.sandbox.SandboxOptions;
import org.pf4j.Extension;

/**
 * A stand-in for the BigCommerce API of one made-up store, "Acceptance Outfitters", on
 * 127.0.0.1: {@code plugboard verify bigcommerce --sandbox} tries the whole flow without a store.
 * It answers as BigCommerce does (notes §3, §4): 401 for an unknown token, 403 with BigCommerce's
 * body for a missing scope or an unknown store hash, 404 for an order or checkout that does not
 * exist, 204 for an empty v2 list, 429 with the X-Rate-Limit-* headers past its quota.
 */
@Extension
public final class BigCommerceSandbox implements Sandbox {

  @Override
  public String connectorId() {
    return "bigcommerce";
  }

  @Override
  public SandboxInstance start(SandboxOptions options) {
    return StoreApi.start(options);
  }
}
