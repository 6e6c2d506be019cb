package dev.plugboard.store.jdbc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: Debian's {@code postgresql} package
 * ({@code initdb} and {@code pg_ctl} under {@code /usr/lib/postgresql/VERSION/bin}, or on the
 * {@code PATH}), its data folder in a temporary folder, its log in a file there, listening on
 * 127.0.0.1 on a free port, with password authentication. PostgreSQL refuses to run as root, so
 * as root it runs as the {@code postgres} user ({@code runuser -u postgres}). Stopped by its pid.
 *
 * <pre>{@code
 * PostgresCluster postgres = PostgresCluster.shared();      // one per JVM, stopped when it exits
 * String url = postgres.newDatabase();                      // jdbc:postgresql://127.0.0.1:PORT/db_…
 * DriverManager.getConnection(url, postgres.user(), postgres.password());
 * }</pre>
 */
public final class PostgresCluster implements AutoCloseable {

  private static final String USER = "plugboard";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresCluster shared;

  private final Path folder;
  private final Path data;
  private final Path log;
  private final int port;
  private final String password;
  private final long pid;

  private PostgresCluster(Path folder, Path data, Path log, int port, String password, long pid) {
    this.folder = folder;
    this.data = data;
    this.log = log;
    this.port = port;
    this.password = password;
    this.pid = pid;
  }

  /** The cluster of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized PostgresCluster shared() {
    if (shared == null) {
      shared = start();
      PostgresCluster cluster = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-test-postgres"));
    }
    return shared;
  }

  /**
   * Creates a cluster in a new temporary folder and starts it.
   *
   * @throws IllegalStateException when PostgreSQL is not installed or does not start, with its log
   */
  public static PostgresCluster start() {
    Path bin = binaries();
    try {
      Path folder = Files.createTempDirectory("plugboard-postgres-");
      Path data = folder.resolve("data");
      Path log = folder.resolve("postgres.log");
      Path pwfile = folder.resolve("pwfile");
      String password = UUID.randomUUID().toString();
      Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
      boolean root = isRoot();
      if (root) {
        run(List.of("chown", "-R", "postgres:postgres", folder.toString()), folder);
      }
      run(asOwner(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
          "--pwfile=" + pwfile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync")), folder);
      Files.deleteIfExists(pwfile);
      int port = freePort();
      String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + folder
          + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
          + " -c shared_buffers=32MB";
      run(asOwner(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
          "-o", options, "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "start")), folder);
      long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
      return new PostgresCluster(folder, data, log, port, password, pid);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a PostgreSQL cluster in a temporary folder", e);
    }
  }

  /** A new empty database of its own, as a JDBC URL (without user or password). */
  public String newDatabase() {
    String name = "db_" + DATABASES.incrementAndGet() + "_" + Long.toHexString(System.nanoTime());
    try (java.sql.Connection connection = DriverManager.getConnection(url("postgres"), USER, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage() + "; log: " + log, e);
    }
    return url(name);
  }

  /** The JDBC URL of database {@code name} (without user or password). */
  public String url(String name) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
  }

  public String user() {
    return USER;
  }

  /** The password of {@link #user()}: random, made for this cluster. */
  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /** Where the server writes its log. */
  public Path log() {
    return log;
  }

  /** Stops the server by its pid (a fast shutdown), waits for it, and deletes its folder. */
  @Override
  public void close() {
    Optional<ProcessHandle> server = ProcessHandle.of(pid);
    server.ifPresent(ProcessHandle::destroy);
    server.ifPresent(handle -> {
      try {
        handle.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    });
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary folder is harmless
    }
  }

  private static Path binaries() {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Optional<Path> newest = versions.map(version -> version.resolve("bin"))
            .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
            .max(Comparator.comparingInt(PostgresCluster::majorVersion));
        if (newest.isPresent()) {
          return newest.get();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + debian, e);
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
        return Path.of(dir);
      }
    }
    throw new IllegalStateException("PostgreSQL is not installed: the tests need its initdb and pg_ctl"
        + " (apt-get install postgresql; .ci/run installs it)");
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT));
  }

  private static List<String> asOwner(boolean root, List<String> command) {
    if (!root) {
      return command;
    }
    List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    asPostgres.addAll(command);
    return asPostgres;
  }

  private static void run(List<String> command, Path folder) throws IOException {
    Path output = folder.resolve("command.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).directory(folder.toFile()).start();
    try {
      if (!process.waitFor(START_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not finish: " + Files.readString(output));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    if (process.exitValue() != 0) {
      Path log = folder.resolve("postgres.log");
      throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
          + Files.readString(output) + (Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : ""));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
