package dev.plugboard.woocommerce;

import dev.plugboard.api.Connector;
import org.pf4j.Extension;

/** WooCommerce, as data: everything the host needs is in {@code plugboard/woocommerce.yaml}. */
@Extension
public final class WooCommerceConnector implements Connector {

  @Override
  public String descriptor() {
    return "plugboard/woocommerce.yaml";
  }
}
