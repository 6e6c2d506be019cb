package dev.plugboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.web.testing.ServeForTest;
import dev.plugboard.web.testing.ShippedPlugins;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that sends its request slower than the server allows is cut off. In a JVM of its own,
 * since the JDK reads the bound once, when its first server starts.
 */
final class ConnectServerSlowClientIT {

  @TempDir Path dir;

  @Test
  void aRequestWhoseHeadNeverEndsIsCutOff() throws Exception {
    Path plugins = ShippedPlugins.installIn(dir.resolve("plugins"));
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ServeForTest.class.getName(), plugins.toString(),
        dir.resolve("home").toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).startsWith("listening on http://127.0.0.1:");
      URI uri = URI.create(line.substring("listening on ".length()));
      try (Socket slow = new Socket(uri.getHost(), uri.getPort())) {
        slow.setSoTimeout(120_000);
        OutputStream request = slow.getOutputStream();
        request.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        request.flush();
        int answer;
        try {
          answer = slow.getInputStream().read();
        } catch (SocketTimeoutException e) {
          throw new AssertionError("the server kept a request that never ended open for two minutes", e);
        }
        assertThat(answer).as("the server closed the connection without an answer").isEqualTo(-1);
      }
    } finally {
      server.getOutputStream().close();
      server.destroy();
      server.waitFor();
    }
  }
}
