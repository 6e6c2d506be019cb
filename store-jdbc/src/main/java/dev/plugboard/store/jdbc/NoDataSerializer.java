package dev.plugboard.store.jdbc;

import com.github.kagkarlsson.scheduler.serializer.Serializer;

/**
 * Plugboard's scheduled tasks carry no data (a task instance's id names its connection), so the
 * scheduler's table never holds bytes to deserialize: none is written, and none is read back
 * through Java serialization should some appear there.
 */
final class NoDataSerializer implements Serializer {

  @Override
  public byte[] serialize(Object data) {
    if (data != null) {
      throw new IllegalArgumentException("Plugboard's scheduled tasks carry no data: " + data.getClass().getName());
    }
    return null;
  }

  @Override
  public <T> T deserialize(Class<T> type, byte[] serialized) {
    if (serialized != null && serialized.length > 0) {
      throw new IllegalStateException("a task of Plugboard's in its schedule table carries data it never writes:"
          + " the table was changed by something else");
    }
    return null;
  }
}
