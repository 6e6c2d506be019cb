package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxFault;
import dev.plugboard.api.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary secrets, planted in a verification that goes through every path (granted, missing,
 * rejected, retried, paced) in a separate process logging at debug into a file: no secret
 * value may appear in its output, its log, a report's JSON or toString(), or an exception message.
 */
final class BigCommerceVerificationCanaryTest {

  private static final String REJECTED_TOKEN = "canaryzrejectedztokenz0123456789".substring(0, 31);

  @TempDir Path plugins;
  @TempDir Path output;

  @Test
  void noSecretReachesAReportALogLineOrAnExceptionMessage() throws IOException, InterruptedException {
    SandboxOptions options = SandboxOptions.builder()
        .grant("Content", "Customers", "Information & Settings", "Marketing", "Products", "Checkouts")
        .quota(8, Duration.ofMillis(200))
        .fault(new SandboxFault.ServerError(503, 1, Set.of("Products")))
        .fault(new SandboxFault.ConnectionReset(1, Set.of("Customers")))
        .build();
    try (BigCommerceSandboxFixture store = BigCommerceSandboxFixture.start(plugins, options)) {
      Map<String, String> values = store.sandbox().defaults();
      Path log = output.resolve("debug.log");

      Result run = fork(values, store.sandbox().extraHost().toString(), log);

      assertThat(run.exitCode()).as(run.stderr()).isZero();
      assertThat(run.log()).as("the log really is at debug").contains("/v2/time -> 200 in").contains("-> 503 in")
          .contains("-> 401 in").contains("attempt 2 of 3");
      assertThat(run.stdout()).contains("\"status\" : \"failed\"").contains("credentials_rejected").contains("missing");
      List<String> secrets = List.of(values.get("access_token"), values.get("client_secret"), REJECTED_TOKEN);
      for (String secret : secrets) {
        assertThat(run.stdout()).doesNotContain(secret);
        assertThat(run.stderr()).doesNotContain(secret);
        assertThat(run.log()).doesNotContain(secret);
      }
    }
  }

  private Result fork(Map<String, String> values, String sandbox, Path log) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder process = new ProcessBuilder(java, "-cp", classPath,
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
        "-Dorg.slf4j.simpleLogger.logFile=" + log,
        BigCommerceVerificationCanaryRun.class.getName(), plugins.toString(), sandbox);
    process.environment().put("CANARY_API_PATH", values.get("api_path"));
    process.environment().put("CANARY_ACCESS_TOKEN", values.get("access_token"));
    process.environment().put("CANARY_CLIENT_ID", values.get("client_id"));
    process.environment().put("CANARY_CLIENT_SECRET", values.get("client_secret"));
    process.environment().put("CANARY_REJECTED_TOKEN", REJECTED_TOKEN);
    Path stdout = output.resolve("stdout.txt");
    Path stderr = output.resolve("stderr.txt");
    process.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process running = process.start();
    if (!running.waitFor(2, TimeUnit.MINUTES)) {
      running.destroyForcibly();
      throw new AssertionError("the forked verification did not end within 2 minutes");
    }
    return new Result(running.exitValue(), read(stdout), read(stderr), Files.exists(log) ? read(log) : "");
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private record Result(int exitCode, String stdout, String stderr, String log) {}
}
