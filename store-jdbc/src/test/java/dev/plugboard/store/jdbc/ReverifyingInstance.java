package dev.plugboard.store.jdbc;

import dev.plugboard.host.Plugboard;
import dev.plugboard.host.VerificationReport;
import dev.plugboard.store.jdbc.testing.SharedKey;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * One instance of an application that re-verifies its connections, in a JVM of its own, as a
 * test starts several: {@code pluginsDir storeUrl masterKeyFile allowHost instanceName periodSeconds}, the
 * password in {@code PLUGBOARD_STORE_PASSWORD}. Prints {@code started}, then {@code verified
 * TENANT/NAME STATUS} for each verification it recorded; runs until it is stopped.
 */
final class ReverifyingInstance {

  private ReverifyingInstance() {}

  public static void main(String[] args) throws InterruptedException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.org.pf4j", "off");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Plugboard plugboard = Plugboard.builder().pluginsDir(Path.of(args[0])).home(Path.of(args[2]).getParent())
        .store(args[1]).aead(SharedKey.read(Path.of(args[2]))).allowHost(args[3]).build();
    Reverification reverification = Reverification.builder(plugboard)
        .every(Duration.ofSeconds(Long.parseLong(args[5])))
        .instanceName(args[4])
        .threads(4)
        .perHost(2)
        .pollingInterval(Duration.ofMillis(500))
        .heartbeat(Duration.ofMillis(500))
        .sweepInterval(Duration.ofSeconds(1))
        .shutdownWait(Duration.ofSeconds(5))
        .listener(new ReverificationListener() {
          @Override
          public void verified(String tenant, String name, VerificationReport report) {
            out.println("verified " + tenant + "/" + name + " " + report.status());
          }
        })
        .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      reverification.close();
      plugboard.close();
      stopped.countDown();
    }));
    out.println("started");
    stopped.await();
  }
}
