package dev.plugboard.host.internal.store;

import dev.plugboard.host.ConnectionStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the store checks of its home folder before using it: no symbolic link where its files and
 * folders go, and permissions that keep them to their owner. A home open to others is closed when
 * it belongs to the user running Plugboard; a file others may read or write is warned about (its
 * owner decides; Plugboard never changes another's key).
 */
final class HomeChecks {

  private static final Logger LOG = LoggerFactory.getLogger(HomeChecks.class);
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private final StoreLayout layout;
  private final Consumer<String> warn;
  private volatile boolean permissionsChecked;

  HomeChecks(StoreLayout layout) {
    this(layout, LOG::warn);
  }

  HomeChecks(StoreLayout layout, Consumer<String> warn) {
    this.layout = layout;
    this.warn = warn;
  }

  /** Refuses links where the store's files go; warns once about loose permissions. */
  void check() {
    HomeProblems.unreadable(layout.home).ifPresent(why -> {
      throw new ConnectionStoreException("cannot read the connection store in " + layout.home + ": " + why
          + "; give the home folder (one you can write to) with --home DIR or PLUGBOARD_HOME");
    });
    for (Path path : List.of(layout.lock, layout.keyset, layout.dataKey, layout.manifest, layout.legacy, layout.folder,
        layout.pending, layout.index, layout.records)) {
      StoreFiles.refuseLink(path);
    }
    if (!permissionsChecked) {
      permissionsChecked = true;
      checkPermissions();
    }
  }

  /** Refuses a home nothing can be written in, saying what it is; before anything is sent that should be kept there. */
  void checkWritable() {
    HomeProblems.unwritable(layout.home).ifPresent(why -> {
      throw new ConnectionStoreException("cannot keep connections in " + layout.home + ": " + why
          + "; give a home folder you can write to with --home DIR or PLUGBOARD_HOME");
    });
  }

  private void checkPermissions() {
    if (!OwnerOnly.posix(layout.home) || !Files.isDirectory(layout.home, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Set<PosixFilePermission> home = Files.getPosixFilePermissions(layout.home, LinkOption.NOFOLLOW_LINKS);
      if (!disjoint(home)) {
        if (ownedByMe(layout.home)) {
          Files.setPosixFilePermissions(layout.home, PosixFilePermissions.fromString("rwx------"));
          warn.accept("the home folder " + layout.home + " was open to other users ("
              + PosixFilePermissions.toString(home) + "); Plugboard closed it to them (rwx------), since it keeps keys");
        } else {
          warn.accept("the home folder " + layout.home + " is open to other users (" + PosixFilePermissions.toString(home)
              + ") and belongs to another user: make it its owner's only (chmod 700 " + layout.home + ")");
        }
      }
      for (Path file : List.of(layout.keyset, layout.dataKey, layout.manifest, layout.legacy)) {
        warnIfOpen(file);
      }
    } catch (IOException e) {
      warn.accept("cannot check who may read " + layout.home + " (" + FileProblems.describe(e, layout.home) + ")");
    }
  }

  /** Warns when a record or index file others may use is met. */
  void warnIfOpen(Path file) throws IOException {
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && OwnerOnly.posix(file)) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      if (!disjoint(permissions)) {
        warn.accept(file + " may be read or written by other users (" + PosixFilePermissions.toString(permissions)
            + "): make it its owner's only (chmod 600 " + file + ")");
      }
    }
  }

  private static boolean disjoint(Set<PosixFilePermission> permissions) {
    return permissions.stream().noneMatch(OTHERS::contains);
  }

  private static boolean ownedByMe(Path path) throws IOException {
    UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
    UserPrincipal me = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
    return owner.equals(me);
  }
}
