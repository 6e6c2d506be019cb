/**
 * The connector descriptor: a platform's connection requirements as data.
 *
 * <p>Records hold the data and check themselves when built; {@link
 * dev.plugboard.api.descriptor.ConnectorDescriptor} checks what spans records. A plugin ships
 * its descriptor as a YAML or JSON file whose keys are these records' component names.
 */
package dev.plugboard.api.descriptor;
