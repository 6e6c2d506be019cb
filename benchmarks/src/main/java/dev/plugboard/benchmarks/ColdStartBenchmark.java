package dev.plugboard.benchmarks;

import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold start as a user meets it: every command a new process through the real launcher of an
 * installation unpacked from the tarball into a new folder, with a new cache folder. Each round:
 * {@code java -version} and a hello-world class; each command's first run, each in a fresh unpack
 * (the class data archive it starts making in the background is stopped after it); then in one
 * more fresh unpack the archive made in the foreground ({@code PLUGBOARD_CDS=wait}), each
 * command's later run, and two with the archive turned off. Wall time, CPU time (GNU time's user
 * and system time, which depends far less than wall time on what else the machine runs) and peak
 * memory (its maximum resident set size); medians over the rounds, and ratios to the hello world
 * of the same rounds. Last, {@code plugins} over folders of 1, 10 and 100 plugin jars.
 *
 * <p>Given an earlier release's tarball as well, each round measures its later runs and its runs
 * with the archive off too, labelled {@code before:}, side by side with the same machine's load.
 *
 * <p>Run: {@code benchmarks/run cold-start} (arguments: the tarball, the number of rounds, and
 * optionally the tarball to compare with).
 */
public final class ColdStartBenchmark {

  private static final Path GNU_TIME = Path.of("/usr/bin/time");
  private static final String CONNECTION = "bigcommerce/acceptance-outfitters";

  /** The commands measured, by label: each as it is typed after {@code plugboard}. */
  private static final Map<String, List<String>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("describe bigcommerce", List.of("describe", "bigcommerce"));
    COMMANDS.put("form bigcommerce", List.of("form", "bigcommerce", "--format", "json-schema"));
    COMMANDS.put("verify bigcommerce --sandbox", List.of("verify", "bigcommerce", "--sandbox"));
    COMMANDS.put("connect bigcommerce --sandbox", List.of("--home", "HOME", "connect", "bigcommerce", "--sandbox"));
    COMMANDS.put("connections list (1 kept)", List.of("--home", "HOME", "connections", "list"));
    COMMANDS.put("connections show NAME", List.of("--home", "HOME", "connections", "show", CONNECTION));
    COMMANDS.put("plugins", List.of("plugins"));
  }

  private final Path tarball;
  private final Optional<Path> before;
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  private final Path work;
  private final Map<String, List<Run>> runs = new LinkedHashMap<>();

  private ColdStartBenchmark(Path tarball, Optional<Path> before) throws IOException {
    this.tarball = tarball;
    this.before = before;
    this.work = Files.createTempDirectory("plugboard-bench-cold");
  }

  public static void main(String[] args) throws Exception {
    Path tarball = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : builtTarball();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    if (!Files.isExecutable(GNU_TIME)) {
      throw new IllegalStateException("needs GNU time at " + GNU_TIME + " (apt-get install time)");
    }
    System.out.printf("%d rounds, %d cores, Java %s, %s%n", rounds, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), tarball.getFileName());
    Optional<Path> before = args.length > 2 && !args[2].isBlank() ? Optional.of(Path.of(args[2]).toAbsolutePath())
        : Optional.empty();
    before.ifPresent(earlier -> System.out.println("before: " + earlier.getFileName() + " (" + earlier + ")"));
    ColdStartBenchmark benchmark = new ColdStartBenchmark(tarball.toAbsolutePath(), before);
    for (int round = 0; round < rounds; round++) {
      System.err.printf("round %d of %d%n", round + 1, rounds);
      benchmark.round();
    }
    benchmark.print();
    benchmark.pluginFolders(rounds);
  }

  private static Path builtTarball() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("distribution/target"))) {
      return files.filter(file -> file.getFileName().toString().matches("plugboard-.*\\.tar\\.gz")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no tarball in distribution/target: benchmarks/run builds it"));
    }
  }

  private void round() throws Exception {
    measure("java -version", List.of(java.toString(), "-version"), Map.of());
    measure("hello world class", List.of(java.toString(), "-cp", helloClassPath(), Hello.class.getName()), Map.of());
    // First runs: each command in an installation of its own, just unpacked, with an empty cache.
    // The archive it starts making in the background is stopped once the run has ended.
    for (Map.Entry<String, List<String>> command : COMMANDS.entrySet()) {
      Installation fresh = unpack(tarball);
      if (command.getKey().startsWith("connections")) {
        fresh.run(COMMANDS.get("connect bigcommerce --sandbox"), Map.of("PLUGBOARD_CDS", "off"));
      }
      measure(command.getKey() + ": first run", fresh.command(command.getValue()), fresh.env);
      fresh.stopArchiving();
      fresh.delete();
    }
    laterRuns(tarball, "");
    if (before.isPresent()) {
      laterRuns(before.get(), "before: ");
    }
  }

  /** One installation, its archive made first as PLUGBOARD_CDS=wait does, then each command's later run. */
  private void laterRuns(Path unpacked, String prefix) throws Exception {
    Installation installation = unpack(unpacked);
    Map<String, String> wait = new LinkedHashMap<>(installation.env);
    wait.put("PLUGBOARD_CDS", "wait");
    measure(prefix + "making the archive (PLUGBOARD_CDS=wait plugboard --version)",
        installation.command(List.of("--version")), wait);
    for (Map.Entry<String, List<String>> command : COMMANDS.entrySet()) {
      measure(prefix + command.getKey() + ": later runs", installation.command(command.getValue()), installation.env);
    }
    measure(prefix + "--version: later runs", installation.command(List.of("--version")), installation.env);
    Files.createDirectories(installation.folder.resolve("no-plugins"));
    measure(prefix + "plugins (empty folder): later runs",
        installation.command(List.of("--plugins-dir", installation.folder.resolve("no-plugins").toString(), "plugins")),
        installation.env);
    Map<String, String> off = new LinkedHashMap<>(installation.env);
    off.put("PLUGBOARD_CDS", "off");
    for (String label : List.of("describe bigcommerce", "verify bigcommerce --sandbox")) {
      measure(prefix + label + ": archive off", installation.command(COMMANDS.get(label)), off);
    }
    installation.delete();
  }

  /** {@code plugins} over folders of generated plugin jars, with the archive. */
  private void pluginFolders(int rounds) throws Exception {
    Installation installation = unpack(tarball);
    installation.run(List.of("plugins"), Map.of());
    installation.awaitArchive();
    runs.clear();
    int[] sizes = {1, 10, 100};
    for (int size : sizes) {
      Path dir = work.resolve("plugins-" + size);
      for (int p = 0; p < size; p++) {
        TestPluginJar.connector("generated" + p, "generated" + p).writeTo(dir);
      }
    }
    for (int round = 0; round < rounds; round++) {
      for (int size : sizes) {
        measure("plugins (" + size + " plugin jars)",
            installation.command(List.of("--plugins-dir", work.resolve("plugins-" + size).toString(), "plugins")),
            installation.env);
      }
    }
    print();
    double perPlugin = (median("plugins (100 plugin jars)") - median("plugins (1 plugin jars)")) / 99;
    System.out.printf("per extra plugin jar, cold: %.2f ms%n", perPlugin);
  }

  private void print() {
    double hello = median("hello world class");
    System.out.printf("%-66s %9s %7s %7s %8s %7s %9s%n", "", "median ms", "min", "max", "× hello", "CPU ms",
        "peak MB");
    runs.forEach((label, measured) -> {
      double[] millis = measured.stream().mapToDouble(Run::millis).sorted().toArray();
      double[] peak = measured.stream().mapToDouble(Run::peakMb).sorted().toArray();
      double[] cpu = measured.stream().mapToDouble(Run::cpuMillis).sorted().toArray();
      System.out.printf("%-66s %9.0f %7.0f %7.0f %8s %7.0f %9s%n", label, millis[millis.length / 2], millis[0],
          millis[millis.length - 1], Double.isNaN(hello) ? "" : String.format("%.1f", millis[millis.length / 2] / hello),
          cpu[cpu.length / 2], peak[peak.length / 2] > 0 ? String.format("%.0f", peak[peak.length / 2]) : "");
    });
  }

  private double median(String label) {
    double[] millis = runs.getOrDefault(label, List.of()).stream().mapToDouble(Run::millis).sorted().toArray();
    return millis.length == 0 ? Double.NaN : millis[millis.length / 2];
  }

  private Run measure(String label, List<String> command, Map<String, String> env) throws Exception {
    Path report = work.resolve("time.txt");
    List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%M %U %S", "-o", report.toString()));
    timed.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("PLUGBOARD_"));
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " failed (exit " + process.exitValue() + ")");
    }
    double millis = (System.nanoTime() - start) / 1e6;
    // Peak memory (KB), user and system CPU seconds: CPU time, unlike wall time, hardly depends on
    // what else the machine runs.
    String[] usage = Files.readString(report).trim().lines().reduce((a, b) -> b).orElse("0 0 0").split(" ");
    double peakMb = Long.parseLong(usage[0]) / 1024.0;
    double cpuMillis = (Double.parseDouble(usage[1]) + Double.parseDouble(usage[2])) * 1000;
    return record(label, new Run(start, millis, peakMb, cpuMillis));
  }

  private Run record(String label, Run run) {
    runs.computeIfAbsent(label, key -> new ArrayList<>()).add(run);
    return run;
  }

  private static String helloClassPath() {
    try {
      return Path.of(Hello.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A tarball unpacked into a new folder, with a cache and a home folder of its own. */
  private Installation unpack(Path tarball) throws Exception {
    Path folder = Files.createTempDirectory(work, "unpacked");
    Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", folder.toString()).inheritIO().start();
    if (tar.waitFor() != 0) {
      throw new IllegalStateException("tar -xzf " + tarball + " failed");
    }
    try (Stream<Path> top = Files.list(folder)) {
      Path home = top.filter(Files::isDirectory).findFirst().orElseThrow();
      return new Installation(folder, home, folder.resolve("cache"), folder.resolve("home"));
    }
  }

  private final class Installation {
    final Path folder;
    final Path root;
    final Path cache;
    final Path home;
    final Map<String, String> env;

    Installation(Path folder, Path root, Path cache, Path home) {
      this.folder = folder;
      this.root = root;
      this.cache = cache;
      this.home = home;
      this.env = Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", System.getProperty("java.home"));
    }

    List<String> command(List<String> args) {
      List<String> command = new ArrayList<>(List.of(root.resolve("bin/plugboard").toString()));
      args.forEach(arg -> command.add(arg.equals("HOME") ? home.toString() : arg));
      return command;
    }

    void run(List<String> args, Map<String, String> more) throws Exception {
      Map<String, String> all = new LinkedHashMap<>(env);
      all.putAll(more);
      measure("  (setup)", command(args), all);
      runs.remove("  (setup)");
    }

    /** Stops the making of the archive a first run started (processes this benchmark started). */
    void stopArchiving() throws Exception {
      Path dir = cache.resolve("plugboard");
      if (!Files.isDirectory(dir)) {
        return;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path lock : files.filter(file -> file.toString().endsWith(".lock")).toList()) {
          long pid = Long.parseLong(Files.readString(lock).trim());
          Optional<ProcessHandle> maker = ProcessHandle.of(pid);
          if (maker.isPresent()) {
            List<ProcessHandle> all = new ArrayList<>(maker.get().descendants().toList());
            all.add(maker.get());
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle process : all) {
              process.onExit().get(30, TimeUnit.SECONDS);
            }
          }
        }
      }
    }

    /** Waits until the first run's archive is made; returns {@link System#nanoTime()} then. */
    long awaitArchive() throws InterruptedException, IOException {
      Path dir = cache.resolve("plugboard");
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (System.nanoTime() < deadline) {
        if (Files.isDirectory(dir)) {
          try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(file -> file.getFileName().toString()).toList();
            if (names.stream().anyMatch(name -> name.endsWith(".failed"))) {
              throw new IllegalStateException("the launcher could not make the archive: " + names);
            }
            if (names.stream().anyMatch(name -> name.endsWith(".jsa"))
                && names.stream().noneMatch(name -> name.endsWith(".lock"))) {
              return System.nanoTime();
            }
          }
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("no archive in " + dir + " after 3 minutes");
    }

    void delete() throws IOException {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(file -> {
          try {
            Files.delete(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }

  private record Run(long startNanos, double millis, double peakMb, double cpuMillis) {}

  /** The floor: a hello world in a class of its own. */
  public static final class Hello {
    public static void main(String[] args) {
      System.out.println("hello, world");
    }
  }
}
