package dev.plugboard.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Connection;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.testing.Canaries;
import dev.plugboard.store.jdbc.testing.BigCommercePlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plugboard --store jdbc:…} and {@code connections verify --due}, the real command line in-process. */
final class JdbcStoreCliTest {

  @TempDir Path folder;

  private Path plugins;
  private Path home;
  private Path file;
  private Plugboard sandboxHost;
  private SandboxSession sandbox;

  @BeforeEach
  void startTheSandbox() throws Exception {
    plugins = BigCommercePlugin.installIn(Files.createDirectories(folder.resolve("plugins")));
    home = Files.createDirectories(folder.resolve("home"));
    file = folder.resolve("connections.db");
    sandboxHost = Plugboard.builder().pluginsDir(plugins).home(folder.resolve("sandbox-home")).build();
    sandbox = sandboxHost.startSandbox("bigcommerce", SandboxOptions.defaults());
  }

  @AfterEach
  void stopTheSandbox() {
    sandbox.close();
    sandboxHost.close();
  }

  @Test
  void aConnectionKeptInAnSqliteFileIsListedAndTheFileHoldsNoSecret() {
    CliRun.Result connected = plugboard("connect", "bigcommerce", "--name", "shop/acme");
    CliRun.Result listed = plugboard("connections");

    assertThat(connected.exitCode()).as(connected.all()).isZero();
    assertThat(listed.exitCode()).as(listed.all()).isZero();
    assertThat(listed.out()).contains("shop/acme", "Acceptance Outfitters", "verified");
    assertThat(folder.resolve("home/connections.json")).doesNotExist();
    List<String> secrets = List.of(sandbox.values().get("access_token"), sandbox.values().get("client_secret"));
    Canaries.assertNoneUnder(folder.resolve("home"), secrets);
    Canaries.assertNoneIn(read(file) + connected.all() + listed.all(), secrets);
  }

  @Test
  void verifyDueVerifiesTheConnectionsDueAndSetsEachDueAgainLater() {
    assertThat(plugboard("connect", "bigcommerce", "--name", "shop/acme").exitCode()).isZero();
    assertThat(plugboard("connect", "bigcommerce", "--name", "shop/later").exitCode()).isZero();
    Instant before = Instant.now();
    try (Plugboard host = Plugboard.builder().pluginsDir(plugins).home(home).store(url()).build()) {
      host.connections().update("shop/acme", kept -> kept.map(c -> c.withNextCheckAt(Optional.of(before.minusSeconds(60)))));
      host.connections().update("shop/later", kept -> kept.map(c -> c.withNextCheckAt(Optional.of(before.plusSeconds(3600)))));
    }

    CliRun.Result due = plugboard("connections", "verify", "--due", "--every", "2h");
    CliRun.Result again = plugboard("connections", "verify", "--due");

    assertThat(due.exitCode()).as(due.all()).isZero();
    assertThat(due.out()).contains("shop/acme: verified", "Verified 1 connection; each is due again in about 2 hours.")
        .doesNotContain("shop/later");
    assertThat(again.out()).contains("No connection is due for re-verification.");
    try (Plugboard host = Plugboard.builder().pluginsDir(plugins).home(home).store(url()).build()) {
      Connection acme = host.connections().get("shop/acme");
      assertThat(acme.checkedAt()).isAfter(before);
      assertThat(acme.nextCheckAt().orElseThrow()).isAfter(before.plusSeconds(6000)).isBefore(Instant.now().plusSeconds(8000));
      assertThat(host.connections().get("shop/later").checkedAt()).isBefore(before);
    }
  }

  @Test
  void aStoreUrlHoldingAPasswordIsRefusedWithoutShowingIt() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "--home", home.toString(),
        "--store", "jdbc:postgresql://127.0.0.1/app?user=app&password=hunter2secret", "connections").run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("PLUGBOARD_STORE_PASSWORD").doesNotContain("hunter2secret");
  }

  @Test
  void anUnreachableDatabaseIsToldInWordsWithExitThree() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "--home", home.toString(),
        "--store", "jdbc:postgresql://127.0.0.1:1/app?user=app", "connections").run();

    assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
    assertThat(result.err()).contains("cannot reach the connection store jdbc:postgresql://127.0.0.1:1/app",
        "PLUGBOARD_STORE_PASSWORD").doesNotContain("\tat ", "Exception");
  }

  @Test
  void anSqliteFileInAFolderThatDoesNotExistIsToldInWords() {
    CliRun.Result result = CliRun.args("--plugins-dir", plugins.toString(), "--home", home.toString(),
        "--store", "jdbc:sqlite:" + folder.resolve("missing/connections.db"), "connections").run();

    assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
    assertThat(result.err()).contains("does not exist").doesNotContain("\tat ");
  }

  @Test
  void verifyWantsEitherOneNameOrDue() {
    assertThat(plugboard("connections", "verify").exitCode()).isEqualTo(2);
    assertThat(plugboard("connections", "verify", "shop/acme", "--due").err().toLowerCase(Locale.ROOT)).contains("not both");
    assertThat(plugboard("connections", "verify", "shop/acme", "--every", "1h").exitCode()).isEqualTo(2);
  }

  private String url() {
    return "jdbc:sqlite:" + file;
  }

  private CliRun.Result plugboard(String... args) {
    CliRun run = CliRun.args(concat(List.of("--plugins-dir", plugins.toString(), "--home", home.toString(),
        "--allow-host", sandbox.address()), args));
    for (Map.Entry<String, String> value : sandbox.values().entrySet()) {
      run.env("PLUGBOARD_BIGCOMMERCE_" + value.getKey().toUpperCase(Locale.ROOT), value.getValue());
    }
    return run.env("PLUGBOARD_STORE", url()).run();
  }

  private static String[] concat(List<String> first, String... rest) {
    List<String> all = new java.util.ArrayList<>(first);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
