package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.testing.TestPluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

final class InviteCommandTest {

  @TempDir Path dir;
  Path plugins;
  Path home;

  @BeforeEach
  void plugin() throws Exception {
    plugins = Files.createDirectories(dir.resolve("plugins"));
    home = dir.resolve("home");
    TestPluginJar.connector("minimal", "minimal").writeTo(plugins);
  }

  @Test
  void anInviteIsALinkUnderTheDefaultAddressShownOnce() {
    CliRun.Result result = run("invite", "minimal", "--name", "shop/acme");

    assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
    String link = result.out().lines().findFirst().orElseThrow();
    assertThat(link).matches("http://127\\.0\\.0\\.1:8080/invites/[A-Za-z0-9_-]{43}");
    assertThat(result.out()).contains("for minimal (to be kept as shop/acme), valid until", "shown only this once");
    assertThat(home.resolve("invites.json")).content().doesNotContain(link.substring(link.lastIndexOf('/') + 1));
  }

  @Test
  void theBaseUrlGivenComesFirst() {
    CliRun.Result result = run("invite", "minimal", "--base-url", "https://books.example/connect", "--ttl", "30m");

    assertThat(result.out()).startsWith("https://books.example/connect/invites/");
  }

  @Test
  void aRunningServersAddressIsTheDefault() throws Exception {
    Files.createDirectories(home);
    Files.writeString(home.resolve("serve-address"), "http://127.0.0.1:9191/\n");

    assertThat(run("invite", "minimal").out()).startsWith("http://127.0.0.1:9191/invites/");
  }

  @Test
  void badValuesAreBadUsageSaidInWords() {
    assertThat(run("invite", "minimal", "--ttl", "31d")).satisfies(r -> assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE));
    CliRun.Result tooLong = run("invite", "minimal", "--ttl", "800h");
    assertThat(tooLong.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(tooLong.err()).contains("--ttl must be at most 30 days");
    CliRun.Result badBase = run("invite", "minimal", "--base-url", "ftp://x");
    assertThat(badBase.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(badBase.err()).contains("--base-url must be an http or https address");
    CliRun.Result badName = run("invite", "minimal", "--name", "Not A Name");
    assertThat(badName.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(badName.err()).contains("--name");
    CliRun.Result unknown = run("invite", "shopify");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(home.resolve("invites.json")).doesNotExist();
  }

  @Test
  void invitesListsThemWithTheirState() {
    run("invite", "minimal", "--name", "shop/one");
    run("invite", "minimal");

    CliRun.Result list = run("invites");
    assertThat(list.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(list.out()).contains("INVITE", "CONNECTOR", "STATE", "(shop/one)", "0 of 10").containsPattern("minimal\\s+open");

    JsonNode json = Mappers.strictJson().readTree(run("invites", "--json").out());
    assertThat(json.get("invites")).hasSize(2);
    assertThat(json.get("invites").get(0).get("state").asString()).isEqualTo("open");
    assertThat(json.get("invites").get(0).get("name").asString()).isEqualTo("shop/one");
  }

  @Test
  void noInvitesSaysHowToMakeOne() {
    assertThat(run("invites").out()).contains("No invites made in", "plugboard invite CONNECTOR");
  }

  private CliRun.Result run(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--plugins-dir";
    all[1] = plugins.toString();
    all[2] = "--home";
    all[3] = home.toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.args(all).run();
  }
}
