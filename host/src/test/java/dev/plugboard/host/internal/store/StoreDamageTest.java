package dev.plugboard.host.internal.store;

import static dev.plugboard.host.testing.TestConnections.CANARY_CLIENT_SECRET;
import static dev.plugboard.host.testing.TestConnections.CANARY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.host.testing.TestConnections;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * A store that was tampered with, a key that is gone or another, a file that cannot be read: each
 * is refused with the file named and what to do, and nothing on disk changes.
 */
final class StoreDamageTest {

  private static final List<String> CANARIES = List.of(CANARY_TOKEN, CANARY_CLIENT_SECRET);

  @TempDir Path home;
  private Path storeFile;
  private Path manifest;
  private Path recordA;
  private Path recordB;
  private Path keyFile;
  private final Connection a = TestConnections.connection("shop/a");
  private final Connection b = TestConnections.connection("shop/b");

  @BeforeEach
  void twoConnectionsAreKept() {
    FileConnectionStore store = FileConnectionStore.withKeysetFile(home);
    store.put(a);
    store.put(b);
    storeFile = store.file();
    manifest = home.resolve(StoreLayout.MANIFEST).toAbsolutePath();
    recordA = store.recordFile("default", "shop/a");
    recordB = store.recordFile("default", "shop/b");
    keyFile = storeFile.resolveSibling(FileConnectionStore.KEYSET_FILE);
  }

  @Test
  void aFlippedByteInARecordIsReportedNamingTheFileAndTheConnectionAndNothingChanges() throws IOException {
    flipByteInTheMiddleOf(recordA, sealedOf(recordA));
    Map<Path, String> before = snapshot();

    assertRefused(() -> store().list(), "connection shop/a in " + recordA + " does not open although the key fits",
        "Remove it (plugboard connections remove shop/a) and connect again, or restore " + recordA + " from a backup");
    assertRefused(() -> store().find("shop/a"), "connection shop/a in " + recordA + " does not open");

    assertThat(TestConnections.unversioned(store().find("shop/b"))).contains(b);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anAlteredRecordCanBeRemovedToRecoverTheOthers() throws IOException {
    flipByteInTheMiddleOf(recordA, sealedOf(recordA));

    assertThat(store().remove("shop/a")).isTrue();

    assertThat(TestConnections.unversioned(store().list())).containsExactly(b);
  }

  @Test
  void aRecordMovedToAnotherNameDoesNotOpen() throws IOException {
    ObjectNode tree = tree(recordB);
    tree.put("sealed", sealedOf(recordA));
    Files.write(recordB, Mappers.output().writeValueAsBytes(tree));

    assertRefused(() -> store().find("shop/b"), "connection shop/b in " + recordB, "moved there from another tenant, name");
    assertThat(TestConnections.unversioned(store().find("shop/a"))).contains(a);
  }

  @Test
  void aFlippedByteInTheKeyCheckIsReportedAsAKeyThatDoesNotOpenTheStore() throws IOException {
    flipByteInTheMiddleOf(manifest, tree(manifest).get("keyCheck").asString());
    Map<Path, String> before = snapshot();

    assertRefused(() -> store().list(), "the key " + keyFile + " does not open the connection store " + storeFile,
        "written with another key, or it was altered");
    assertRefused(() -> store().put(TestConnections.connection("shop/c")), "does not open the connection store");

    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aStoreThatIsNoLongerJsonIsReportedAsDamagedAndNeverOverwritten() throws IOException {
    byte[] bytes = Files.readAllBytes(manifest);
    bytes[0] ^= 0x01;
    Files.write(manifest, bytes);
    Map<Path, String> before = snapshot();

    assertRefused(() -> store().list(), "the connection store's manifest " + manifest + " is damaged (",
        "restore it from a backup, or move it away to start afresh; Plugboard leaves it as it is");
    assertRefused(() -> store().put(TestConnections.connection("shop/c")), "is damaged");
    assertRefused(() -> store().remove("shop/a"), "is damaged");

    assertThat(snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "[]", "42"})
  void aStoreEmptiedOrReplacedByOtherJsonIsReportedAsDamagedAndNeverOverwritten(String content) throws IOException {
    Files.writeString(manifest, content);
    Map<Path, String> before = snapshot();

    assertRefused(() -> store().list(), "the connection store's manifest " + manifest + " is damaged (it is ",
        "restore it from a backup, or move it away to start afresh");
    assertRefused(() -> store().put(TestConnections.connection("shop/c")), "is damaged");

    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aStoreFromANewerPlugboardIsReportedAsSuch() throws IOException {
    ObjectNode tree = tree(manifest);
    tree.put("format", 3);
    tree.put("somethingNew", true);
    Files.write(manifest, Mappers.output().writeValueAsBytes(tree));

    assertRefused(() -> store().list(), "the connection store's manifest " + manifest + " has format 3, written by a"
        + " newer Plugboard; this one reads format 2: use the newer Plugboard");
  }

  @Test
  void aDeletedKeyIsReportedAndNoNewKeyIsMadeOverTheStore() throws IOException {
    Files.delete(keyFile);
    Map<Path, String> before = snapshot();

    String missing = "the connection store " + storeFile + " exists but its key " + keyFile + " is missing, so the"
        + " connections cannot be read: restore " + keyFile + " from your backup, or move "
        + FileConnectionStore.FOLDER_AND_MANIFEST + " away to start afresh (Plugboard will not make a new key for an"
        + " existing store)";
    assertRefused(() -> store().list(), missing);
    assertRefused(() -> store().put(TestConnections.connection("shop/c")), missing);
    assertRefused(() -> store().remove("shop/a"), missing);

    assertThat(snapshot()).isEqualTo(before);
    assertThat(keyFile).doesNotExist();
  }

  @Test
  void anotherKeyInPlaceOfTheOriginalIsReportedAndBothFilesAreLeftAsTheyWere() throws IOException {
    Path elsewhere = home.resolve("elsewhere");
    FileConnectionStore.withKeysetFile(elsewhere).put(TestConnections.connection("other/x"));
    Files.copy(elsewhere.resolve(FileConnectionStore.KEYSET_FILE), keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Map<Path, String> before = snapshot();

    String wrongKey = "the key " + keyFile + " does not open the connection store " + storeFile + ": the store was"
        + " written with another key, or it was altered. Restore the key it was written with, or move "
        + FileConnectionStore.FOLDER_AND_MANIFEST + " away to start afresh; Plugboard leaves both as they are";
    assertRefused(() -> store().list(), wrongKey);
    assertRefused(() -> store().find("shop/a"), wrongKey);
    assertRefused(() -> store().put(TestConnections.connection("shop/c")), wrongKey);
    assertRefused(() -> store().remove("shop/a"), wrongKey);

    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aDamagedKeyFileIsReportedWithoutQuotingWhatItHolds() throws IOException {
    Files.writeString(keyFile, "{\"primaryKeyId\": 1, \"key\": [ keymaterialthatmustnotshow");

    Throwable thrown = assertRefused(() -> store().list(),
        "the key " + keyFile + " is damaged (not a Tink AEAD keyset in JSON): restore it from your backup");
    assertThat(thrown).hasNoCause();
    assertThat(thrown.getMessage()).doesNotContain("keymaterialthatmustnotshow");
  }

  @Test
  void anUnreadableStoreFileIsReportedWithWhatToDo() throws IOException {
    assumeTrue(OwnerOnly.posix(home), "only POSIX file systems have permission bits to take away");
    Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(manifest), "this user reads files whatever their permissions (root), so chmod 000"
          + " cannot make the store unreadable; aStoreThatIsAFolderIsReportedAsUnreadable covers the same path");

      assertRefused(() -> store().list(), "cannot read the connection store's manifest " + manifest + " (permission"
          + " denied): make it a file readable by the user running Plugboard (chmod 600 " + manifest + ")");
    } finally {
      Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void aStoreThatIsAFolderIsReportedAsUnreadable() throws IOException {
    Files.delete(manifest);
    Files.createDirectory(manifest);

    assertRefused(() -> store().list(), "cannot read the connection store's manifest " + manifest + " (",
        "make it a file readable by the user running Plugboard");
    assertRefused(() -> store().put(TestConnections.connection("shop/c")), "cannot read the connection store's manifest");
  }

  @Test
  void aRecordThatIsAFolderIsReportedAsUnreadable() throws IOException {
    Files.delete(recordA);
    Files.createDirectory(recordA);

    assertRefused(() -> store().find("shop/a"), "cannot read the connection record " + recordA + " (",
        "make it a file readable by the user running Plugboard");
  }

  @Test
  void aKeyThatIsAFolderIsReportedAsUnreadable() throws IOException {
    Files.delete(keyFile);
    Files.createDirectory(keyFile);

    assertRefused(() -> store().list(), "cannot read the key " + keyFile + " (",
        "make it a file readable by the user running Plugboard (chmod 600 " + keyFile + ")");
  }

  @Test
  void aLockFileThatCannotBeOpenedIsNamedAndNothingIsWritten() throws IOException {
    Path lock = storeFile.resolveSibling(FileConnectionStore.LOCK_FILE);
    Files.delete(lock);
    Files.createDirectory(lock);
    Map<Path, String> before = snapshot();

    assertRefused(() -> store().put(TestConnections.connection("shop/c")),
        "cannot write the connection store " + storeFile + " (Is a directory: " + lock + "): check that " + home
            + " is a folder you can write to");

    assertThat(snapshot()).isEqualTo(before);
  }

  private FileConnectionStore store() {
    return FileConnectionStore.withKeysetFile(home);
  }

  private static Throwable assertRefused(ThrowingCallable call, String... expected) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ConnectionStoreException.class);
    assertThat(thrown.getMessage()).contains(expected);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      Canaries.assertNoneIn(String.valueOf(t.getMessage()), CANARIES);
    }
    return thrown;
  }

  static ObjectNode tree(Path file) throws IOException {
    return (ObjectNode) Mappers.strictJson().readTree(Files.readAllBytes(file));
  }

  static String sealedOf(Path record) throws IOException {
    return tree(record).get("sealed").asString();
  }

  /**
   * Alters the character in the middle of a Base64 text to another Base64 character, so the text
   * still decodes and only its authentication can tell (flipping a bit of '+', '/' or 'z' would make
   * it undecodable instead, a different damage).
   */
  static void flipByteInTheMiddleOf(Path file, String base64) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String content = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = content.indexOf(base64) + base64.length() / 2;
    bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
    Files.write(file, bytes);
  }

  private Map<Path, String> snapshot() throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(home)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(file, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
