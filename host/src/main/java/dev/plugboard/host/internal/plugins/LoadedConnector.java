package dev.plugboard.host.internal.plugins;

import dev.plugboard.api.descriptor.ConnectorDescriptor;

/**
 * A connector ready to use: its checked descriptor and the plugin it came from.
 *
 * @param descriptor the connector's descriptor
 * @param pluginId the contributing plugin's id
 * @param pluginVersion the contributing plugin's version
 * @param classLoader the plugin's class loader; make it the context class loader around plugin code
 */
public record LoadedConnector(
    ConnectorDescriptor descriptor, String pluginId, String pluginVersion, ClassLoader classLoader) {

  public String id() {
    return descriptor.id();
  }

  /** {@code pluginId@version}, as plugins are named in messages. */
  public String pluginLabel() {
    return pluginId + "@" + pluginVersion;
  }
}
