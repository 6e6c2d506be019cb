package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.Plugboard;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.TestConnections;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code plugboard connections}: one damaged record does not hide the others. */
final class ConnectionsListTest {

  @TempDir Path plugins;
  @TempDir Path home;

  @BeforeEach
  void twoConnectionsAreKept() {
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);
    try (Plugboard host = Plugboard.builder().pluginsDir(plugins).home(home).build()) {
      host.connections().put(TestConnections.connection("shop/a"));
      host.connections().put(TestConnections.connection("shop/b"));
    }
  }

  @Test
  void aDamagedRecordIsMarkedWithWhatToDoAfterEveryOtherIsListedThenItExitsThree() throws IOException {
    alter(record("shop+a"));

    CliRun.Result result = cli("connections").run();

    assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.COULD_NOT_FINISH);
    assertThat(result.out().lines())
        .anySatisfy(line -> assertThat(line).startsWith("shop/b ").contains("verified"))
        .anySatisfy(line -> assertThat(line).startsWith("shop/a ").contains("does not open (see below)"));
    assertThat(result.err()).contains("plugboard: shop/a does not open: connection shop/a in ",
        "Remove it (plugboard connections remove shop/a) and connect again");
    assertThat(cli("connections", "show", "shop/b").run().exitCode()).isZero();
  }

  @Test
  void theJsonListNamesTheDamagedRecordBesideTheOthers() throws IOException {
    alter(record("shop+a"));

    CliRun.Result result = cli("connections", "--json").run();

    assertThat(result.exitCode()).isEqualTo(ExitCode.COULD_NOT_FINISH);
    JsonNode document = Mappers.strictJson().readTree(result.out());
    assertThat(document.get("connections").get(0).get("name").asString()).isEqualTo("shop/b");
    assertThat(document.get("unreadable").get(0).get("name").asString()).isEqualTo("shop/a");
    assertThat(document.get("unreadable").get(0).get("problem").asString()).contains("Remove it");
  }

  @Test
  void anUndamagedStoreListsEveryConnectionAndExitsZero() {
    CliRun.Result result = cli("connections").run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines().filter(line -> line.startsWith("shop/"))).hasSize(2);
    assertThat(result.err()).isEmpty();
  }

  private CliRun cli(String... args) {
    return CliRun.args(args).folders(plugins, home);
  }

  private Path record(String prefix) throws IOException {
    try (Stream<Path> files = Files.walk(home)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }
  }

  /** Changes one character of the longest Base64 run to another Base64 character: the authenticated kind of damage. */
  private static void alter(Path record) throws IOException {
    String text = Files.readString(record, StandardCharsets.UTF_8);
    Matcher longest = Pattern.compile("[A-Za-z0-9+/=_-]{40,}").matcher(text);
    int start = -1;
    int end = -1;
    while (longest.find()) {
      if (longest.end() - longest.start() > end - start) {
        start = longest.start();
        end = longest.end();
      }
    }
    int middle = (start + end) / 2;
    char replacement = text.charAt(middle) == 'A' ? 'B' : 'A';
    Files.writeString(record, text.substring(0, middle) + replacement + text.substring(middle + 1), StandardCharsets.UTF_8);
  }
}
