package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Template;
import dev.plugboard.host.internal.plugins.PluginRegistry;
import dev.plugboard.host.testing.TestPluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The descriptor against BigCommerce's own API description: every call it declares (credentials
 * check, identity, each scope's probe) must be a GET operation of one of BigCommerce's OpenAPI
 * files, under that file's server (v2 or v3). The files are test data in the shared folder next
 * to the repository ({@code ../shared/bigcommerce-openapi}); the test is skipped only when that
 * folder is absent.
 */
final class BigCommerceOpenApiContractTest {

  private static final Path SPECS = OpenApiFiles.SPECS;

  @TempDir Path plugins;

  @Test
  void everyCallTheDescriptorDeclaresIsAGetOperationOfBigCommercesApi() throws IOException {
    assumeTrue(Files.isDirectory(SPECS), "BigCommerce's OpenAPI files are not at " + SPECS.toAbsolutePath().normalize());
    List<String> operations = getOperations();
    ConnectorDescriptor descriptor = descriptor();

    Map<String, String> calls = new LinkedHashMap<>();
    calls.put("credentials.path", descriptor.credentials().path());
    calls.put("identity.path", descriptor.identity().path());
    descriptor.scopes().forEach(scope -> calls.put("scopes[" + scope.name() + "].probe.path", scope.probe().orElseThrow().path()));

    List<String> unknown = new ArrayList<>();
    calls.forEach((where, path) -> {
      String url = address(descriptor, path);
      if (operations.stream().noneMatch(operation -> OpenApiFiles.matches(url, operation))) {
        unknown.add(where + ": GET " + url);
      }
    });
    assertThat(unknown).as("calls that are not GET operations in " + SPECS).isEmpty();
    assertThat(calls).hasSize(descriptor.scopes().size() + 2);
  }

  @Test
  void theMatchTellsAParameterFromALiteralSegment() {
    String operation = "https://api.bigcommerce.com/stores/{store_hash}/v3/orders/{order_id}/transactions";

    assertThat(OpenApiFiles.matches("https://api.bigcommerce.com/stores/{api_path.store_hash}/v3/orders/1/transactions", operation))
        .isTrue();
    assertThat(OpenApiFiles.matches("https://api.bigcommerce.com/stores/{api_path.store_hash}/v3/orders/1/transaction", operation))
        .isFalse();
    assertThat(OpenApiFiles.matches("https://api.bigcommerce.com/stores/{api_path.store_hash}/v2/orders/1/transactions", operation))
        .isFalse();
    assertThat(OpenApiFiles.matches("https://api.bigcommerce.com/stores/{api_path.store_hash}/v3/{account.x}/1/transactions", operation))
        .isFalse();
  }

  /** Every GET operation in the files, as {@code server url + path}, parameters in braces. */
  private static List<String> getOperations() throws IOException {
    List<String> operations = new ArrayList<>();
    for (OpenApiFiles.Spec spec : OpenApiFiles.read()) {
      spec.getStatuses().keySet().forEach(path -> operations.add(spec.server() + path));
    }
    assertThat(operations).as("GET operations read from " + SPECS).hasSizeGreaterThan(50);
    return operations;
  }

  /** The call's full address on BigCommerce, without the query, placeholders kept in braces. */
  private static String address(ConnectorDescriptor descriptor, String path) {
    String origin = "https://" + descriptor.http().allowedHosts().get(0);
    String base = Template.parse(descriptor.http().baseUrl(), "baseUrl")
        .render(name -> name.endsWith(".origin") ? origin : "{" + name + "}");
    String call = Template.parse(path, "path").render(name -> "{" + name + "}");
    String url = base + call;
    return url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
  }

  private ConnectorDescriptor descriptor() {
    TestPluginJar.plugin("bigcommerce").directory(Path.of("target/classes")).writeTo(plugins);
    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      return registry.connector("bigcommerce").descriptor();
    }
  }
}
