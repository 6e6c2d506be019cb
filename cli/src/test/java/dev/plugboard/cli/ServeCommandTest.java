package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.TestPluginJar;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ServeCommandTest {

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
  void serveAnnouncesItsAddressServesThePageAndStopsWhenInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> exit.set(Cli.run(new String[] {"--plugins-dir", plugins.toString(), "--home",
        home.toString(), "serve", "--port", "0"}, new CliEnvironment(new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true), new ByteArrayInputStream(new byte[0]), Map.of()))));
    serving.start();
    URI page = address(out);

    HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("href=\"/connectors/minimal\"");
    assertThat(home.resolve("serve-address")).content().isEqualToIgnoringNewLines(page.toString());
    CliRun.Result invite = CliRun.args("--plugins-dir", plugins.toString(), "--home", home.toString(), "invite", "minimal").run();
    assertThat(invite.out()).startsWith(page + "invites/");

    serving.interrupt();
    serving.join(30_000);
    assertThat(exit.get()).isEqualTo(ExitCode.OK);
    assertThat(home.resolve("serve-address")).doesNotExist();
  }

  @Test
  void aPortOutOfRangeOrInUseIsBadUsage() throws Exception {
    CliRun.Result outOfRange = CliRun.args("--plugins-dir", plugins.toString(), "--home", home.toString(), "serve",
        "--port", "70000").run();
    assertThat(outOfRange.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(outOfRange.err()).contains("--port must be 0 to 65535");

    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun.Result inUse = CliRun.args("--plugins-dir", plugins.toString(), "--home", home.toString(), "serve",
          "--port", Integer.toString(taken.getLocalPort())).run();
      assertThat(inUse.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(inUse.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  private static URI address(StringWriter out) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      String printed;
      synchronized (out) {
        printed = out.toString();
      }
      int at = printed.indexOf("Connect page: ");
      if (at >= 0 && printed.indexOf("  (stop", at) > 0) {
        return URI.create(printed.substring(at + "Connect page: ".length(), printed.indexOf("  (stop", at)));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve printed no address within a minute: " + out);
  }
}
