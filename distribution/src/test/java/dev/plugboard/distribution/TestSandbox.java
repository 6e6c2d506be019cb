package dev.plugboard.distribution;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.host.Plugboard;
import dev.plugboard.host.SandboxSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The BigCommerce sandbox, started in the test's JVM through the public API from the
 * distribution's own plugin, so that the test knows every value a launcher it starts is given. A
 * launcher reaches it with {@code --allow-host} {@link #address()}. One per test class:
 *
 * <pre>{@code
 * @RegisterExtension static final TestSandbox sandbox = new TestSandbox();
 * }</pre>
 */
final class TestSandbox implements BeforeAllCallback, AfterAllCallback {

  /** A Client ID of the right format (BigCommerce does not check it); not a secret, but sealed at rest. */
  static final String CANARY_CLIENT_ID = "canaryclientidq8w6e4r2t0y9u7i5o";
  /** A Client Secret of the right format (hexadecimal) that no output and no file may show. */
  static final String CANARY_CLIENT_SECRET = "c0ffee5ec2e7d00d".repeat(4);

  private Plugboard host;
  private SandboxSession session;

  /** Every scope granted, and a quota these tests never reach: rate limits are tested elsewhere. */
  @Override
  public void beforeAll(ExtensionContext context) {
    host = Plugboard.builder().pluginsDir(Launcher.distribution().resolve("plugins")).build();
    session = host.startSandbox("bigcommerce", SandboxOptions.builder().quota(100_000, Duration.ofSeconds(1)).build());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (session != null) {
        session.close();
      }
    } finally {
      if (host != null) {
        host.close();
      }
    }
  }

  /** {@code 127.0.0.1:PORT}, for {@code --allow-host}. */
  String address() {
    return session.address();
  }

  String apiPath() {
    return session.values().get("api_path");
  }

  /** The sandbox store's access token: a real secret to the launcher. */
  String token() {
    return session.values().get("access_token");
  }

  /**
   * The built {@code bin/plugboard} with {@code --home home --allow-host} this sandbox, then
   * {@code args}; the sandbox's API Path and token and the canary client values are in its
   * environment ({@code PLUGBOARD_BIGCOMMERCE_*}), where a test may replace them.
   */
  Launcher plugboard(Path home, String... args) {
    List<String> command = new ArrayList<>(List.of("--home", home.toString(), "--allow-host", address()));
    command.addAll(List.of(args));
    return Launcher.plugboard(command.toArray(String[]::new))
        .env("PLUGBOARD_BIGCOMMERCE_API_PATH", apiPath())
        .env("PLUGBOARD_BIGCOMMERCE_ACCESS_TOKEN", token())
        .env("PLUGBOARD_BIGCOMMERCE_CLIENT_ID", CANARY_CLIENT_ID)
        .env("PLUGBOARD_BIGCOMMERCE_CLIENT_SECRET", CANARY_CLIENT_SECRET);
  }
}
