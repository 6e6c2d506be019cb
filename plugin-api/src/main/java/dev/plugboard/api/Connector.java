package dev.plugboard.api;

import org.pf4j.ExtensionPoint;

/**
 * A connector contributed by a plugin: one platform Plugboard can connect to.
 *
 * <p>Everything the host needs to know about the platform is data, in a descriptor file packed
 * in the plugin jar. The extension only names that file:
 *
 * <pre>{@code
 * @Extension
 * public final class ShopConnector implements Connector {
 *   @Override public String descriptor() {
 *     return "plugboard/shop.yaml";
 *   }
 * }
 * }</pre>
 *
 * <p>The host reads the descriptor through the plugin's class loader and checks it strictly
 * (see {@link dev.plugboard.api.descriptor.ConnectorDescriptor}). A plugin may contribute several
 * connectors, one extension each.
 */
public interface Connector extends ExtensionPoint {

  /** The class path resource, inside the plugin jar, holding this connector's descriptor. */
  String descriptor();
}
