package dev.plugboard.bigcommerce;

import dev.plugboard.host.VerificationReport;
import dev.plugboard.host.internal.form.CheckedValues;
import dev.plugboard.host.internal.form.FormatPhase;
import dev.plugboard.host.internal.form.FormatResult;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.http.HttpClients;
import dev.plugboard.host.internal.json.Mappers;
import dev.plugboard.host.internal.plugins.LoadedConnector;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.internal.settings.HostSettings;
import dev.plugboard.host.internal.verify.Verifier;
import dev.plugboard.host.internal.verify.VerifyOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The process {@link BigCommerceVerificationCanaryTest} forks, with debug logging into a file:
 * verifies the sandbox's values (taken from the environment, as secrets should be) and a
 * rejected canary token, prints both reports and every message a mistake produces.
 *
 * <p>Arguments: the plugins folder, the sandbox's {@code host:port}.
 */
final class BigCommerceVerificationCanaryRun {

  private BigCommerceVerificationCanaryRun() {}

  public static void main(String[] args) {
    Path pluginsDir = Path.of(args[0]);
    ExtraHost sandbox = ExtraHost.parse(args[1]);
    OkHttpClient client = HttpClients.create();
    try (PluginRegistry registry = PluginRegistry.load(pluginsDir)) {
      LoadedConnector connector = registry.connector("bigcommerce");
      Verifier verifier = new Verifier(new HostSettings(pluginsDir, pluginsDir, List.of(sandbox)), client);
      VerifyOptions options = VerifyOptions.builder().retry(BigCommerceSandboxFixture.FAST_RETRIES).build();
      Map<String, String> given = Map.of(
          "api_path", System.getenv("CANARY_API_PATH"),
          "access_token", System.getenv("CANARY_ACCESS_TOKEN"),
          "client_id", System.getenv("CANARY_CLIENT_ID"),
          "client_secret", System.getenv("CANARY_CLIENT_SECRET"));
      AllowedHosts hosts = AllowedHosts.of(connector.descriptor().http().allowedHosts(), List.of(sandbox));
      FormatResult format = FormatPhase.check(connector.descriptor(), given, hosts);
      print(verifier.verify(connector, format, options));

      Map<String, String> rejected = new HashMap<>(given);
      rejected.put("access_token", System.getenv("CANARY_REJECTED_TOKEN"));
      FormatResult rejectedFormat = FormatPhase.check(connector.descriptor(), rejected, hosts);
      print(verifier.verify(connector, rejectedFormat, options));

      CheckedValues values = format.values().orElseThrow();
      CheckedValues rejectedValues = rejectedFormat.values().orElseThrow();

      System.out.println(values);
      System.out.println(rejectedValues);
      try {
        values.placeholder("access_token.nothing");
      } catch (IllegalArgumentException e) {
        System.out.println(e.getMessage());
      }
      try {
        verifier.verify(connector, new CheckedValues("other", values.fields(), values.placeholders(),
            values.secretFields()), List.of(), options);
      } catch (IllegalArgumentException e) {
        System.out.println(e.getMessage());
      }
    } finally {
      HttpClients.close(client);
    }
  }

  private static void print(VerificationReport report) {
    System.out.println(Mappers.output().writeValueAsString(report));
    System.out.println(report);
  }
}
