package dev.plugboard.host.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the writers of one store: the threads of this JVM with a lock per file, other
 * processes with an OS lock on a dedicated file. Both are needed: an OS lock is held per JVM, and
 * a second attempt from the same JVM fails instead of waiting. The lock file is never deleted
 * (deleting it would let two writers lock two different files); the OS releases the lock when a
 * process dies, so it never goes stale.
 */
final class StoreLock {

  private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

  /** What runs while the lock is held. */
  @FunctionalInterface
  interface Action<T> {
    T run() throws IOException, GeneralSecurityException;
  }

  private StoreLock() {}

  static <T> T holding(Path lockFile, Action<T> action) throws IOException, GeneralSecurityException {
    try (FileChannel channel = OwnerOnly.openOrCreate(lockFile)) {
      ReentrantLock threads = IN_THIS_JVM.computeIfAbsent(lockFile.toRealPath(), path -> new ReentrantLock());
      threads.lockInterruptibly();
      try {
        FileLock processes = channel.lock();
        try {
          return action.run();
        } finally {
          processes.release();
        }
      } finally {
        threads.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the lock on " + lockFile, e);
    }
  }
}
