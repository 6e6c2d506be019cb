package dev.plugboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.TestKeys;
import dev.plugboard.store.jdbc.testing.TestStores;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sealed row copied over another tenant's, name's or connector's does not open, and says so without its secrets. */
final class CopiedRowTest {

  @TempDir Path folder;

  @Test
  void aRowCopiedToAnotherTenantOrNameDoesNotOpenAndTheOtherRowsStillDo() throws SQLException {
    try (JdbcConnectionStore store = TestStores.sqlite(folder.resolve("connections.db"), TestKeys.applicationAead())) {
      store.put(TestConnections.connection("shop/ours").withTenant("customer-42"));
      store.put(TestConnections.connection("shop/theirs", "othertoken0000000000000", "othersecret000000000000")
          .withTenant("customer-7"));
      store.put(TestConnections.connection("shop/other").withTenant("customer-7"));

      copySealed(store, "customer-42", "shop/ours", "customer-7", "shop/theirs");

      assertThatThrownBy(() -> store.find("customer-7", "shop/theirs"))
          .isInstanceOf(ConnectionStoreException.class)
          .hasMessageContaining("connection shop/theirs of tenant customer-7")
          .hasMessageContaining("does not open")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestConnections.CANARY_TOKEN,
              TestConnections.CANARY_CLIENT_SECRET));
      assertThat(store.find("customer-42", "shop/ours").orElseThrow().values().get("access_token"))
          .isEqualTo(TestConnections.CANARY_TOKEN);
      assertThat(store.find("customer-7", "shop/other")).isPresent();
    }
  }

  private static void copySealed(JdbcConnectionStore store, String fromTenant, String fromName, String toTenant,
      String toName) throws SQLException {
    try (java.sql.Connection db = store.dataSource().getConnection(); PreparedStatement copy = db.prepareStatement(
        "UPDATE plugboard_connection SET sealed = (SELECT sealed FROM plugboard_connection WHERE tenant = ? AND name = ?),"
            + " version = (SELECT version FROM plugboard_connection WHERE tenant = ? AND name = ?)"
            + " WHERE tenant = ? AND name = ?")) {
      copy.setString(1, fromTenant);
      copy.setString(2, fromName);
      copy.setString(3, fromTenant);
      copy.setString(4, fromName);
      copy.setString(5, toTenant);
      copy.setString(6, toName);
      assertThat(copy.executeUpdate()).isEqualTo(1);
    }
  }
}
