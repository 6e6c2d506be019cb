package dev.plugboard.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Several {@code plugboard connect} processes writing one home folder at the same time. */
final class ConcurrentConnectIT {

  private static final int PROCESSES = 8;

  @RegisterExtension static final TestSandbox sandbox = new TestSandbox();

  @TempDir Path folder;

  @Test
  void eightConnectsStartedAtOnceIntoAHomeThatDoesNotExistYetKeepAllEight() throws IOException {
    Path home = folder.resolve("home");
    List<String> names = IntStream.rangeClosed(1, PROCESSES).mapToObj(i -> "shop-" + i).toList();

    List<Launcher.Result> results = allAtOnce(names.stream()
        .map(name -> sandbox.plugboard(home, "connect", "bigcommerce", "--name", name)).toList());

    for (int i = 0; i < PROCESSES; i++) {
      assertThat(results.get(i).exitCode()).as(results.get(i).transcript()).isZero();
      assertThat(results.get(i).out()).contains("Saved as " + names.get(i) + " (encrypted");
    }
    Launcher.Result list = sandbox.plugboard(home, "connections", "list", "--json").go();
    assertThat(list.exitCode()).as(list.transcript()).isZero();
    JsonNode connections = JsonMapper.shared().readTree(list.out()).get("connections");
    assertThat(connections.valueStream().map(c -> c.get("name").asString())).containsExactlyInAnyOrderElementsOf(names);
    assertThat(connections.valueStream().map(c -> c.get("status").asString())).containsOnly("verified");
    List<Launcher.Result> shows = allAtOnce(names.stream()
        .map(name -> sandbox.plugboard(home, "connections", "show", name)).toList());
    for (int i = 0; i < PROCESSES; i++) {
      assertThat(shows.get(i).exitCode()).as(shows.get(i).transcript()).isZero();
      assertThat(shows.get(i).out()).contains("Connection " + names.get(i), "Acceptance Outfitters", "Scopes: 13 of 13 granted");
    }
    try (Stream<Path> files = Files.list(home)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("one key, one store (its folder and manifest) and the lock")
          .containsExactlyInAnyOrder("keyset.json", "connections", "connections.manifest", "connections.lock");
    }
    try (Stream<Path> files = Files.walk(home)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("no write left half-done")
          .noneMatch(name -> name.endsWith(".tmp") || name.equals("pending"));
    }
  }

  /** Starts every launcher before waiting for any. */
  private static List<Launcher.Result> allAtOnce(List<Launcher> launchers) {
    List<Launcher.Running> running = launchers.stream().map(Launcher::start).toList();
    return running.stream().map(Launcher.Running::await).toList();
  }
}
