package dev.plugboard.host.internal.store;

import dev.plugboard.host.Connection;
import dev.plugboard.host.testing.TestConnections;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A separate process that keeps one connection, for the tests of writers racing each other and of
 * a writer dying mid-write. It prints {@code ready}, waits for {@code go} on its input, then puts.
 *
 * <p>Arguments: {@code HOME NAME [crash-at=STEP]}; with {@code crash-at} the process halts at that
 * step of the write, as if killed.
 */
final class ConnectionWriter {

  static final int CRASHED = 137;

  private ConnectionWriter() {}

  public static void main(String[] args) throws IOException {
    Path home = Path.of(args[0]);
    String name = args[1];
    AtomicFile.Failpoint failpoint = args.length > 2 && args[2].startsWith("crash-at=")
        ? crashAt(args[2].substring("crash-at=".length()))
        : AtomicFile.Failpoint.NONE;
    FileConnectionStore store = new FileConnectionStore(
        home, new KeysetFile(home.resolve(FileConnectionStore.KEYSET_FILE)), "the key", failpoint);
    Connection connection = connection(name);
    store.list();
    System.out.println("ready");
    System.out.flush();
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (!"go".equals(line)) {
      System.err.println("expected go, got " + line);
      System.exit(2);
    }
    store.put(connection);
    System.out.println("kept " + connection);
  }

  /** The connection the process named {@code name} keeps, with canary secrets of its own. */
  static Connection connection(String name) {
    String tag = name.replaceAll("[^a-z0-9]", "");
    return TestConnections.connection(name, "canarytoken" + tag + "q7x5w3v1u9t8s6", "canarysecret" + tag + "k2j4h6g8");
  }

  /** {@code STEP@N}: at that step of the write's Nth file. */
  private static AtomicFile.Failpoint crashAt(String where) {
    String[] parts = where.split("@");
    return atFile(AtomicFile.Step.valueOf(parts[0]), Integer.parseInt(parts[1]), () -> Runtime.getRuntime().halt(CRASHED));
  }

  /** Runs {@code then} at {@code step} of the {@code file}th file a write replaces (1: the write in flight, 2: the record, 3: its index bucket, 4: the manifest). */
  static AtomicFile.Failpoint atFile(AtomicFile.Step step, int file, IoAction then) {
    int[] files = {0};
    return reached -> {
      if (reached == AtomicFile.Step.TEMPORARY_WRITTEN) {
        files[0]++;
      }
      if (reached == step && files[0] == file) {
        then.run();
      }
    };
  }

  /** What a failpoint does. */
  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }
}
