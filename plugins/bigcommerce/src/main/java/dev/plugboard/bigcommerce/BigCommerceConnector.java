package dev.plugboard.bigcommerce;

import dev.plugboard.api.Connector;
import org.pf4j.Extension;

/** BigCommerce, as data: everything the host needs is in {@code plugboard/bigcommerce.yaml}. */
@Extension
public final class BigCommerceConnector implements Connector {

  @Override
  public String descriptor() {
    return "plugboard/bigcommerce.yaml";
  }
}
