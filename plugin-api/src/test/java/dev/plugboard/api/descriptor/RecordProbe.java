package dev.plugboard.api.descriptor;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Builds a record again with one component left out, as Jackson does for a key a file does not
 * give (null, or false and 0 for primitives): whether the record then refuses tells whether it
 * needs the component, and what it holds instead is its default.
 */
final class RecordProbe {

  private RecordProbe() {}

  static Object valueOf(Record record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
    }
  }

  /** {@code record} built again without {@code left}; empty when the record refuses that. */
  static Optional<Record> without(Record record, RecordComponent left) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = components[i].getName().equals(left.getName()) ? absent(left.getType()) : valueOf(record, components[i]);
    }
    try {
      Constructor<?> canonical = record.getClass().getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return Optional.of((Record) canonical.newInstance(values));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof InvalidDescriptorException) {
        return Optional.empty();
      }
      throw new AssertionError(record.getClass().getSimpleName() + " without " + left.getName()
          + " fails with " + e.getCause() + " instead of saying what is missing", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build " + record.getClass().getSimpleName(), e);
    }
  }

  private static Object absent(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type.isPrimitive()) {
      throw new AssertionError("no absent value known for a " + type + " component");
    }
    return null;
  }
}
