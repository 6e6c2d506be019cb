package dev.plugboard.host.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store of Plugboard 0.1.0 ({@code connections.json}) is read as it is, and moved into the new layout by the first write. */
final class MigrationTest {

  @TempDir Path temp;

  private Path home() {
    return temp.resolve("home").toAbsolutePath();
  }

  private final Connection a = TestConnections.connection("shop/a");
  private final Connection b = TestConnections.connection("shop/b");

  @Test
  void aStoreOf010IsReadAsItIsAndTheFirstWriteMovesEveryConnectionIntoTheNewLayout() throws Exception {
    Aead key = keysetKey();
    Path legacy = writeLegacy(key, a, b);

    assertThat(TestConnections.unversioned(store().list())).containsExactly(a, b);
    assertThat(TestConnections.unversioned(store().find("shop/b"))).contains(b);

    store().put(TestConnections.connection("shop/c"));

    assertThat(legacy).doesNotExist();
    assertThat(legacy.resolveSibling(FileConnectionStore.STORE_FILE + Migration.MIGRATED_SUFFIX)).exists();
    assertThat(store().list()).extracting(Connection::name).containsExactly("shop/a", "shop/b", "shop/c");
    assertThat(store().get("shop/a").values()).containsEntry("access_token", TestConnections.CANARY_TOKEN);
    assertThat(store().recordFile("default", "shop/a")).exists();
    Canaries.assertNoneUnder(home(), List.of(TestConnections.CANARY_TOKEN, TestConnections.CANARY_CLIENT_SECRET));
  }

  @Test
  void aStoreOf010SealedWithTheApplicationsKeyMigratesToADataKeyItWraps() throws Exception {
    Aead applicationKey = TestKeys.applicationAead();
    writeLegacy(applicationKey, a);

    FileConnectionStore.withAead(home(), applicationKey).put(b);

    assertThat(home().resolve(StoreLayout.DATA_KEY)).exists();
    assertThat(home().resolve(FileConnectionStore.KEYSET_FILE)).doesNotExist();
    assertThat(TestConnections.unversioned(FileConnectionStore.withAead(home(), applicationKey).list())).containsExactly(a, b);
  }

  @Test
  void aDamagedRecordStopsTheMigrationNamingItAndCanBeRemovedFirst() throws Exception {
    Aead key = keysetKey();
    Path legacy = writeLegacy(key, a, b);
    String sealed = StoreDamageTest.tree(legacy).get("connections").get(0).get("sealed").asString();
    StoreDamageTest.flipByteInTheMiddleOf(legacy, sealed);
    byte[] before = Files.readAllBytes(legacy);

    Throwable thrown = catchThrowable(() -> store().put(TestConnections.connection("shop/c")));

    assertThat(thrown).isInstanceOf(ConnectionStoreException.class)
        .hasMessageContaining("connection shop/a in " + legacy + " does not open although the key fits the store")
        .hasMessageContaining("Remove it (plugboard connections remove shop/a)");
    assertThat(legacy).hasBinaryContent(before);
    assertThat(home().resolve(StoreLayout.MANIFEST)).doesNotExist();

    assertThat(store().remove("shop/a")).isTrue();
    store().put(TestConnections.connection("shop/c"));
    assertThat(store().list()).extracting(Connection::name).containsExactly("shop/b", "shop/c");
  }

  private Aead keysetKey() throws IOException {
    Files.createDirectories(home());
    return new KeysetFile(home().resolve(FileConnectionStore.KEYSET_FILE)).existingOrNew(home());
  }

  private FileConnectionStore store() {
    return FileConnectionStore.withKeysetFile(home());
  }

  /** Writes {@code connections} as Plugboard 0.1.0 kept them. */
  private Path writeLegacy(Aead key, Connection... connections) throws IOException, GeneralSecurityException {
    StoreFile file = StoreFile.empty(Sealing.keyCheck(key));
    for (Connection connection : connections) {
      byte[] plaintext = Mappers.strictJson().writeValueAsBytes(LegacyRecord.of(connection));
      file = file.with(new StoreFile.Entry(connection.name(), Sealing.seal(key, connection.name(), plaintext)));
    }
    Files.createDirectories(home());
    Path legacy = home().resolve(FileConnectionStore.STORE_FILE);
    Files.write(legacy, file.bytes());
    assertThat(Files.readString(legacy, StandardCharsets.UTF_8)).contains("\"format\" : 1");
    return legacy;
  }
}
