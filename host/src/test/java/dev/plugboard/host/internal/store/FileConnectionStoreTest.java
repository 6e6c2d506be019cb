package dev.plugboard.host.internal.store;

import static dev.plugboard.host.testing.TestConnections.CANARY_CLIENT_SECRET;
import static dev.plugboard.host.testing.TestConnections.CANARY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.Aead;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.UnknownConnectionException;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileConnectionStoreTest {

  @TempDir Path temp;

  private Path home() {
    return temp.resolve("home");
  }

  @Test
  void aConnectionPutIsFoundAgainWithEverythingItHeld() {
    Connection connection = TestConnections.connection("bigcommerce/acceptance-outfitters");
    FileConnectionStore.withKeysetFile(home()).put(connection);

    FileConnectionStore reopened = FileConnectionStore.withKeysetFile(home());

    assertThat(TestConnections.unversioned(reopened.find("bigcommerce/acceptance-outfitters"))).contains(connection);
    assertThat(reopened.get("bigcommerce/acceptance-outfitters").values())
        .containsExactlyEntriesOf(connection.values());
    assertThat(TestConnections.unversioned(reopened.list())).containsExactly(connection);
  }

  @Test
  void connectingAgainUnderANameReplacesTheConnectionAndKeepsOneRecord() {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    store.put(TestConnections.connection("bigcommerce/acceptance-outfitters", "oldtokenaaaaaaaaaaaaaaaaaaaaaa1", "oldsecret1"));

    Connection replacement = TestConnections.connection("bigcommerce/acceptance-outfitters");
    store.put(replacement);

    assertThat(TestConnections.unversioned(store.list())).containsExactly(replacement);
    Path record = store.recordFile("default", "bigcommerce/acceptance-outfitters");
    assertThat(read(record)).containsOnlyOnce("bigcommerce/acceptance-outfitters");
    assertThat(record.getParent().toFile().list()).containsExactly(record.getFileName().toString());
  }

  @Test
  void removingForgetsTheConnectionAndSaysWhetherThereWasOne() {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    store.put(TestConnections.connection("shop/a"));
    store.put(TestConnections.connection("shop/b"));

    assertThat(store.remove("shop/a")).isTrue();
    assertThat(store.remove("shop/a")).isFalse();
    assertThat(store.remove("never/kept")).isFalse();

    assertThat(store.list()).extracting(Connection::name).containsExactly("shop/b");
    assertThat(store.find("shop/a")).isEmpty();
    assertThatThrownBy(() -> store.get("shop/a"))
        .isInstanceOf(UnknownConnectionException.class)
        .hasMessage("no connection is named shop/a; `plugboard connections list` shows the names kept");
  }

  @Test
  void connectionsAreListedByName() {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    for (String name : List.of("shop/c", "bigcommerce/z", "shop/a", "bigcommerce/b")) {
      store.put(TestConnections.connection(name));
    }

    assertThat(store.list()).extracting(Connection::name)
        .containsExactly("bigcommerce/b", "bigcommerce/z", "shop/a", "shop/c");
  }

  @Test
  void readingAHomeThatHasNoStoreFindsNothingAndCreatesNothing() {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());

    assertThat(store.list()).isEmpty();
    assertThat(store.find("shop/a")).isEmpty();
    assertThat(store.remove("shop/a")).isFalse();
    assertThat(Files.exists(home().resolve(FileConnectionStore.STORE_FILE))).isFalse();
    assertThat(home()).doesNotExist();
    assertThat(Files.exists(home().resolve(FileConnectionStore.KEYSET_FILE))).isFalse();
  }

  @Test
  void theHomeFolderIsCreatedForItsOwnerOnlyAndEveryFileInItIsReadableByItsOwnerOnly() throws IOException {
    assumeTrue(OwnerOnly.posix(temp), "only POSIX file systems have owner-only permission bits");

    FileConnectionStore.withKeysetFile(home()).put(TestConnections.connection("shop/a"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home()))).isEqualTo("rwx------");
    try (var walk = Files.walk(home())) {
      for (Path path : walk.filter(p -> !p.equals(home())).toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
            .as(home().relativize(path).toString()).isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
      }
    }
    assertThat(home().resolve(FileConnectionStore.KEYSET_FILE)).exists();
    assertThat(home().resolve(FileConnectionStore.LOCK_FILE)).exists();
  }

  @Test
  void theKeyIsMadeOnceAndNeverRewritten() throws IOException {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    store.put(TestConnections.connection("shop/a"));
    byte[] key = Files.readAllBytes(home().resolve(FileConnectionStore.KEYSET_FILE));

    store.put(TestConnections.connection("shop/b"));
    store.remove("shop/a");
    FileConnectionStore.withKeysetFile(home()).put(TestConnections.connection("shop/c"));

    assertThat(home().resolve(FileConnectionStore.KEYSET_FILE)).hasBinaryContent(key);
  }

  @Test
  void noSecretIsEverOnDiskInPlaintextAndTheStoreShowsOnlyNames() {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home());
    Connection connection = TestConnections.connection("bigcommerce/acceptance-outfitters");

    store.put(connection);
    store.put(TestConnections.connection("shop/b"));
    List<String> seen = new ArrayList<>();
    store.list().forEach(c -> seen.add(c.toString()));
    seen.add(store.get("bigcommerce/acceptance-outfitters").maskedValues().toString());
    store.put(connection.withVerification("1.0.1", TestConnections.report(
        connection.status(), connection.account(), connection.checkedAt().plusSeconds(60))));
    store.remove("shop/b");

    List<String> canaries = List.of(CANARY_TOKEN, CANARY_CLIENT_SECRET);
    Canaries.assertNoneUnder(home(), canaries);
    seen.forEach(text -> Canaries.assertNoneIn(text, canaries));
    assertThat(read(store.recordFile("default", "bigcommerce/acceptance-outfitters")))
        .contains("bigcommerce/acceptance-outfitters")
        .doesNotContain("api.bigcommerce.com", "0123456789abcdefghijklmnopqrstu", "Acceptance Outfitters", "abc123");
  }

  @Test
  void anApplicationKeySealsTheStoreAndNoKeyFileIsWritten() {
    Aead applicationKey = TestKeys.applicationAead();
    Connection connection = TestConnections.connection("shop/a");

    FileConnectionStore.withAead(home(), applicationKey).put(connection);

    assertThat(Files.exists(home().resolve(FileConnectionStore.KEYSET_FILE))).isFalse();
    assertThat(TestConnections.unversioned(FileConnectionStore.withAead(home(), applicationKey).list())).containsExactly(connection);
    assertThatThrownBy(() -> FileConnectionStore.withAead(home(), TestKeys.applicationAead()).list())
        .isInstanceOf(ConnectionStoreException.class)
        .hasMessageStartingWith("the application's key (Aead) does not open the connection store " + store());
    assertThatThrownBy(() -> FileConnectionStore.withKeysetFile(home()).list())
        .isInstanceOf(ConnectionStoreException.class)
        .hasMessageContaining("is missing");
    Canaries.assertNoneUnder(home(), List.of(CANARY_TOKEN, CANARY_CLIENT_SECRET));
  }

  private Path store() {
    return home().resolve(StoreLayout.FOLDER).toAbsolutePath();
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
