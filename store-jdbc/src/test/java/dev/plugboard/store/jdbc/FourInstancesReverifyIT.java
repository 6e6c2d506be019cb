package dev.plugboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Connection;
import dev.plugboard.host.ConnectionQuery;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.store.jdbc.testing.BigCommercePlugin;
import dev.plugboard.store.jdbc.testing.PostgresCluster;
import dev.plugboard.store.jdbc.testing.SharedKey;
import dev.plugboard.store.jdbc.testing.TestStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four instances of an application, each its own JVM, share one PostgreSQL and re-verify 1,000
 * connections to the BigCommerce sandbox (each answer 5 ms late). One is killed (SIGKILL)
 * midway; the other three finish its work. Afterwards every connection was verified exactly once
 * in the period (its version went from 1 to 2, and no two instances recorded it), opens whole,
 * and is due again about one period later.
 */
final class FourInstancesReverifyIT {

  private static final int CONNECTIONS = 1000;
  private static final int INSTANCES = 4;
  private static final int TENANTS = 10;
  private static final Duration PERIOD = Duration.ofHours(1);
  // Bounds, only so that a broken run fails instead of hanging the build; nothing is measured.
  private static final Duration BOUND = Duration.ofMinutes(4);

  @TempDir Path folder;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopEveryInstance() throws InterruptedException {
    for (Process process : processes) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void fourInstancesVerifyEachConnectionOnceAndTheSurvivorsFinishTheWorkOfOneKilledMidway() throws Exception {
    PostgresCluster postgres = PostgresCluster.shared();
    String url = postgres.newDatabase() + "?user=" + postgres.user();
    Path pluginsDir = BigCommercePlugin.installIn(Files.createDirectories(folder.resolve("plugins")));
    Path keyFile = folder.resolve("master-key.json");
    SharedKey.create(keyFile);
    JdbcConnectionStore store = JdbcConnectionStore.open(url, TestStores.context(folder, SharedKey.read(keyFile),
        Map.of("PLUGBOARD_STORE_PASSWORD", postgres.password())));
    Instant start = Instant.now();

    try (Plugboard setup = Plugboard.builder().pluginsDir(pluginsDir).home(folder).connectionStore(store).build();
        SandboxSession sandbox = setup.startSandbox("bigcommerce", SandboxOptions.builder()
            .latency(Duration.ofMillis(5)).quota(1_000_000, Duration.ofSeconds(30)).build())) {
      Connection template = setup.connect("bigcommerce", sandbox.values(), "shop/template").connection().orElseThrow();
      for (int i = 0; i < CONNECTIONS; i++) {
        store.put(rename(template, "tenant-" + (i % TENANTS), String.format("shop/s%04d", i))
            .withNextCheckAt(Optional.of(start)));
      }
      setup.connections().remove("shop/template");

      List<Path> outputs = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        Path output = folder.resolve("instance-" + i + ".out");
        outputs.add(output);
        processes.add(startInstance(pluginsDir, url, keyFile, sandbox.address(), "instance-" + i, output, postgres.password()));
      }
      awaitUntil(() -> outputs.stream().allMatch(out -> read(out).contains("started")), "every instance started", outputs);

      Process victim = processes.get(0);
      awaitUntil(() -> count(read(outputs.get(0)), "verified ") >= 20 && verifiedInDatabase(store) >= CONNECTIONS / 4
          && pickedBy(store, "instance-0") > 0, "the first instance verified some, all a quarter, and it holds work",
          outputs);
      victim.destroyForcibly();
      assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
      int heldByVictim = pickedBy(store, "instance-0"); // taken over once its heartbeat is missed
      int doneBeforeKill = verifiedInDatabase(store);

      awaitUntil(() -> verifiedInDatabase(store) == CONNECTIONS && pickedBy(store, "instance-0") == 0,
          "every connection verified, the " + heldByVictim + " the killed instance held included", outputs);
      for (Process survivor : processes.subList(1, INSTANCES)) {
        survivor.destroy();
        assertThat(survivor.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }

      assertThat(doneBeforeKill).isLessThan(CONNECTIONS);
      List<Connection> all = everyConnection(store);
      assertThat(all).hasSize(CONNECTIONS);
      assertThat(all).allSatisfy(connection -> {
        assertThat(connection.version()).as(connection.name() + " verified exactly once").isEqualTo(2);
        assertThat(connection.status()).isEqualTo(VerificationReport.Status.VERIFIED);
        assertThat(connection.checkedAt()).isAfter(start);
        assertThat(connection.nextCheckAt().orElseThrow())
            .isAfter(start.plus(PERIOD.multipliedBy(9).dividedBy(10)))
            .isBefore(Instant.now().plus(PERIOD.multipliedBy(11).dividedBy(10)));
      });
      Map<String, String> recordedBy = new HashMap<>();
      Set<String> twice = new HashSet<>();
      for (int i = 0; i < INSTANCES; i++) {
        for (String line : read(outputs.get(i)).lines().filter(line -> line.startsWith("verified ")).toList()) {
          String connection = line.split(" ")[1];
          if (recordedBy.put(connection, "instance-" + i) != null) {
            twice.add(connection);
          }
        }
      }
      assertThat(twice).as("connections two instances recorded").isEmpty();
      assertThat(recordedBy.values().stream().distinct().count()).as("instances that recorded some").isEqualTo(INSTANCES);
      assertThat(notDueAgainWithinThePeriod(store)).isZero();
    } finally {
      store.close();
    }
  }

  private Process startInstance(Path pluginsDir, String url, Path keyFile, String allowHost, String name, Path output,
      String password) throws IOException {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), ReverifyingInstance.class.getName(),
        pluginsDir.toString(), url, keyFile.toString(), allowHost, name, String.valueOf(PERIOD.toSeconds()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("PLUGBOARD_STORE_PASSWORD", password);
    return builder.start();
  }

  private static Connection rename(Connection template, String tenant, String name) {
    return new Connection(tenant, name, template.connector(), template.pluginVersion(), template.values(),
        template.secretFields(), template.account(), template.scopes(), template.status(), template.checkedAt(),
        Optional.empty(), 0);
  }

  private static int verifiedInDatabase(JdbcConnectionStore store) {
    return intQuery(store, "SELECT count(*) FROM plugboard_connection WHERE version >= 2");
  }

  private static int notDueAgainWithinThePeriod(JdbcConnectionStore store) {
    return intQuery(store, "SELECT count(*) FROM plugboard_scheduled_tasks WHERE task_name = '"
        + ReverifyTasks.VERIFY + "' AND (picked OR execution_time < now() + interval '50 minutes')");
  }

  private static int pickedBy(JdbcConnectionStore store, String instance) {
    return intQuery(store, "SELECT count(*) FROM plugboard_scheduled_tasks WHERE picked AND picked_by = '" + instance + "'");
  }

  private static int intQuery(JdbcConnectionStore store, String sql) {
    try (java.sql.Connection db = store.dataSource().getConnection(); Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Connection> everyConnection(JdbcConnectionStore store) {
    List<Connection> all = new ArrayList<>();
    for (int t = 0; t < TENANTS; t++) {
      all.addAll(store.list("tenant-" + t));
    }
    assertThat(store.list(ConnectionQuery.of("default")).items()).isEmpty();
    return all;
  }

  private void awaitUntil(BooleanSupplier condition, String what, List<Path> outputs) throws InterruptedException {
    Instant deadline = Instant.now().plus(BOUND);
    Instant report = Instant.now().plusSeconds(5);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(report)) {
        report = Instant.now().plusSeconds(5);
        System.out.println(Instant.now() + " waiting until " + what + ": lines " + outputs.stream().map(out -> count(read(out), "verified ")).toList());
      }
      if (Instant.now().isAfter(deadline)) {
        StringBuilder logs = new StringBuilder();
        outputs.forEach(out -> logs.append("\n--- ").append(out.getFileName()).append(":\n")
            .append(read(out).lines().filter(line -> !line.startsWith("verified ")).limit(40).reduce("", (a, b) -> a + b + "\n")));
        throw new AssertionError("not reached within " + BOUND + ": " + what + logs);
      }
      Thread.sleep(200);
    }
  }

  private static int count(String text, String prefix) {
    return (int) text.lines().filter(line -> line.startsWith(prefix)).count();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
