/**
 * The connector descriptor: a platform's connection requirements as data.
 *
 * <p>Records hold the data and check themselves when built; {@link
 * dev.plugboard.api.descriptor.ConnectorDescriptor} checks what spans records. A plugin ships
 * its descriptor as a YAML or JSON file whose keys are these records' component names.
 *
 * <p>No accessor returns null. A key a file may leave out is an {@link java.util.Optional} (or
 * {@link java.util.OptionalInt}), a list or map left out is empty, and a key with a default holds
 * it. A constructor takes {@code Optional.empty()} for a key left out, and reads a null (what a
 * reader hands over for a missing key) the same way.
 */
package dev.plugboard.api.descriptor;
