package dev.plugboard.store.jdbc;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.spi.ConnectionSealer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The store's key row ({@code plugboard_store_key}): the data key wrapped by the application's
 * master key, and a key check. The first instance to open a new store makes the data key; one
 * that opens it at the same time and loses the race takes the winner's.
 */
final class StoreKey {

  private StoreKey() {}

  /** The sealer of the data key kept in the database, made and kept wrapped by {@code masterKey} on first use. */
  static ConnectionSealer unwrapOrCreate(Database database, Aead masterKey) {
    Optional<KeyRow> kept = read(database);
    if (kept.isEmpty()) {
      byte[] wrapped = ConnectionSealer.newWrappedDataKey(masterKey);
      ConnectionSealer sealer = ConnectionSealer.unwrapping(wrapped, masterKey);
      insert(database, wrapped, sealer.keyCheck());
      kept = read(database);
    }
    KeyRow row = kept.orElseThrow(() -> new ConnectionStoreException("the key row of " + database.description()
        + " vanished while the store was opened; open it again"));
    if (row.wrapped() == null) {
      throw new ConnectionStoreException(database.description() + " is sealed with a key the application holds (it"
          + " was made with JdbcConnectionStore.create(dataSource, sealer)): open it the same way, with that key");
    }
    ConnectionSealer sealer = ConnectionSealer.unwrapping(row.wrapped(), masterKey);
    requireFits(database, sealer, row);
    return sealer;
  }

  /** Checks that {@code sealer} is the one the store's connections are sealed with, recording it for a new store. */
  static void requireFits(Database database, ConnectionSealer sealer) {
    Optional<KeyRow> kept = read(database);
    if (kept.isEmpty()) {
      insert(database, null, sealer.keyCheck());
      kept = read(database);
    }
    requireFits(database, sealer, kept.orElseThrow());
  }

  private static void requireFits(Database database, ConnectionSealer sealer, KeyRow row) {
    if (!sealer.fits(row.keyCheck())) {
      throw new ConnectionStoreException("the key given does not fit " + database.description() + ": its connections"
          + " were sealed with another key. Use the key the store was made with; Plugboard leaves the store as it is");
    }
  }

  private static Optional<KeyRow> read(Database database) {
    try (java.sql.Connection db = database.dataSource().getConnection();
        PreparedStatement statement = db.prepareStatement(
            "SELECT wrapped_data_key, key_check FROM plugboard_store_key WHERE id = 1");
        ResultSet row = statement.executeQuery()) {
      return row.next() ? Optional.of(new KeyRow(row.getBytes(1), row.getBytes(2))) : Optional.empty();
    } catch (SQLException e) {
      throw failure(database, e);
    }
  }

  private static void insert(Database database, byte[] wrapped, byte[] keyCheck) {
    try (java.sql.Connection db = database.dataSource().getConnection();
        PreparedStatement statement = db.prepareStatement("INSERT INTO plugboard_store_key (id, wrapped_data_key,"
            + " key_check) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING")) {
      statement.setBytes(1, wrapped);
      statement.setBytes(2, keyCheck);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(database, e);
    }
  }

  private static ConnectionStoreException failure(Database database, SQLException e) {
    return new ConnectionStoreException("cannot read or keep the store key of " + database.description() + ": "
        + Database.describe(e), e);
  }

  private record KeyRow(byte[] wrapped, byte[] keyCheck) {}
}
