package dev.plugboard.web.testing;

import dev.plugboard.host.Plugboard;
import dev.plugboard.web.ConnectServer;
import java.nio.file.Path;

/** {@link ConnectServer} in a JVM of its own: {@code PLUGINS HOME}; prints its address, stops when standard input ends. */
public final class ServeForTest {

  private ServeForTest() {}

  public static void main(String[] args) throws Exception {
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(Path.of(args[0])).home(Path.of(args[1])).build();
        ConnectServer server = ConnectServer.builder(plugboard).port(0).start()) {
      System.out.println("listening on " + server.uri());
      System.out.flush();
      while (System.in.read() != -1) {
        // until the test closes standard input
      }
    }
  }
}
