package dev.plugboard.host.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plugboard.host.ConnectionStoreException;
import dev.plugboard.host.testing.TestConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links where the store's files go are refused, a file that is not the store's is never quoted,
 * and permissions that let other users in are warned about (the home closed when it is ours).
 */
final class HomeSafetyTest {

  private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\n";

  @TempDir Path temp;
  private Path home;
  private Path elsewhere;

  @BeforeEach
  void paths() throws IOException {
    home = temp.resolve("home").toAbsolutePath();
    elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
  }

  private FileConnectionStore store() {
    return FileConnectionStore.withKeysetFile(home);
  }

  @Test
  void aLinkedManifestIsRefusedAndWhatItPointsAtIsLeftAsItWas() throws IOException {
    store().put(TestConnections.connection("shop/a"));
    Path manifest = home.resolve(StoreLayout.MANIFEST);
    Path target = elsewhere.resolve("manifest");
    Files.move(manifest, target);
    Files.createSymbolicLink(manifest, target);
    byte[] before = Files.readAllBytes(target);

    assertRefused(() -> store().list(), manifest + " is a symbolic link, and Plugboard follows none in its home folder");
    assertRefused(() -> store().put(TestConnections.connection("shop/b")), "is a symbolic link");

    assertThat(target).hasBinaryContent(before);
    assertThat(manifest).isSymbolicLink();
  }

  @Test
  void aDanglingLockLinkIsRefusedAndItsTargetIsNeverCreated() throws IOException {
    Files.createDirectories(home);
    Path target = elsewhere.resolve("created-by-plugboard");
    Files.createSymbolicLink(home.resolve(FileConnectionStore.LOCK_FILE), target);

    assertRefused(() -> store().put(TestConnections.connection("shop/a")), "is a symbolic link");

    assertThat(target).doesNotExist();
  }

  @Test
  void aRecordLinkedToAnotherFileIsRefusedWithoutQuotingIt() throws IOException {
    store().put(TestConnections.connection("shop/a"));
    Path record = store().recordFile("default", "shop/a");
    Path passwd = Files.writeString(elsewhere.resolve("passwd"), PASSWD);
    Files.delete(record);
    Files.createSymbolicLink(record, passwd);

    Throwable thrown = assertRefused(() -> store().find("shop/a"), record + " is a symbolic link");

    assertThat(thrown.getMessage()).doesNotContain("root:x");
  }

  @Test
  void aLinkedStoreOfPlugboard010IsRefusedAndNotReplacedByAFile() throws IOException {
    Files.createDirectories(home);
    Path legacy = home.resolve(FileConnectionStore.STORE_FILE);
    Files.createSymbolicLink(legacy, Files.writeString(elsewhere.resolve("passwd"), PASSWD));

    Throwable thrown = assertRefused(() -> store().list(), "is a symbolic link");
    assertRefused(() -> store().put(TestConnections.connection("shop/a")), "is a symbolic link");

    assertThat(thrown.getMessage()).doesNotContain("root:x");
    assertThat(legacy).isSymbolicLink();
  }

  @Test
  void aFileThatIsNotAStoreInItsPlaceIsReportedWithoutQuotingIt() throws IOException {
    Files.createDirectories(home);
    Files.writeString(home.resolve(FileConnectionStore.STORE_FILE), PASSWD);
    Files.writeString(home.resolve(FileConnectionStore.KEYSET_FILE), "{}");

    Throwable thrown = assertRefused(() -> store().list(), "is damaged (it is not a store of Plugboard 0.1.0 at line 1");

    assertThat(thrown.getMessage()).doesNotContain("root");
    assertThat(thrown).hasNoCause();
  }

  @Test
  void aHomeOpenToOthersIsClosedAndLooseKeyAndStoreFilesAreWarnedAbout() throws IOException {
    assumeTrue(OwnerOnly.posix(temp), "only POSIX file systems have permission bits");
    store().put(TestConnections.connection("shop/a"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path keyset = home.resolve(FileConnectionStore.KEYSET_FILE);
    Files.setPosixFilePermissions(keyset, PosixFilePermissions.fromString("rw-r--r--"));
    Path manifest = home.resolve(StoreLayout.MANIFEST);
    Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("rw-rw-rw-"));
    List<String> warnings = new ArrayList<>();

    new HomeChecks(new StoreLayout(home), warnings::add).check();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
    assertThat(warnings).containsExactly(
        "the home folder " + home + " was open to other users (rwxrwxrwx); Plugboard closed it to them (rwx------),"
            + " since it keeps keys",
        keyset + " may be read or written by other users (rw-r--r--): make it its owner's only (chmod 600 " + keyset + ")",
        manifest + " may be read or written by other users (rw-rw-rw-): make it its owner's only (chmod 600 " + manifest + ")");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset))).isEqualTo("rw-r--r--");
  }

  @Test
  void aHomeKeptToItsOwnerGivesNoWarning() {
    assumeTrue(OwnerOnly.posix(temp), "only POSIX file systems have permission bits");
    store().put(TestConnections.connection("shop/a"));
    List<String> warnings = new ArrayList<>();

    new HomeChecks(new StoreLayout(home), warnings::add).check();

    assertThat(warnings).isEmpty();
  }

  private static Throwable assertRefused(ThrowingCallable call, String expected) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ConnectionStoreException.class);
    assertThat(thrown.getMessage()).contains(expected);
    return thrown;
  }
}
