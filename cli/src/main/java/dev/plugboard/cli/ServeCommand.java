package dev.plugboard.cli;

import static dev.plugboard.cli.ConsoleText.safe;

import dev.plugboard.host.Plugboard;
import dev.plugboard.web.ConnectServer;
import dev.plugboard.web.Invites;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code plugboard serve [--port N] [--bind ADDR]}: the connect page in a browser, until stopped. */
@Command(
    addMethodSubcommands = false,
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serves the connect page: each connector's guide and form, live verification, and the links"
        + " of `plugboard invite`. Listens on 127.0.0.1 unless --bind says otherwise; stop it with Ctrl+C.")
final class ServeCommand implements Callable<Integer> {

  @ParentCommand PlugboardCommand plugboard;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: 8080; 0 for any free one).")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on (default: 127.0.0.1). Any other is reachable from other machines:"
          + " put the page behind TLS (a reverse proxy with https).")
  String bind = "127.0.0.1";

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0 to 65535");
    }
    PrintWriter out = plugboard.environment.out();
    PrintWriter err = plugboard.environment.err();
    try (Plugboard host = plugboard.open()) {
      Invites invites = Invites.in(plugboard.home());
      ConnectServer server;
      try {
        server = ConnectServer.builder(host).bind(bind).port(port).invites(invites)
            .warnings(warning -> {
              err.println(warning);
              err.flush();
            })
            .onConnected(connected -> {
              out.println("connected " + connected.name() + " (" + safe(connected.account()) + ")"
                  + connected.invite().map(id -> " through invite " + id + ", now spent").orElse(""));
              out.flush();
            })
            .start();
      } catch (UncheckedIOException e) {
        throw new UsageException(e.getMessage());
      }
      Runnable unannounce = invites.announce(server.uri());
      Thread stopper = new Thread(() -> stop(server, unannounce), "plugboard-serve-stop");
      Runtime.getRuntime().addShutdownHook(stopper);
      out.println("Connect page: " + server.uri() + "  (stop with Ctrl+C)");
      out.flush();
      try {
        new CountDownLatch(1).await(); // until Ctrl+C (the hook stops the server) or the thread is interrupted
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(stopper);
          stop(server, unannounce);
        } catch (IllegalStateException shuttingDown) {
          // the hook is stopping it
        }
      }
      return ExitCode.OK;
    }
  }

  private static void stop(ConnectServer server, Runnable unannounce) {
    try {
      unannounce.run();
    } finally {
      server.close();
    }
  }
}
