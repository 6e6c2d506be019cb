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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The descriptor against BigCommerce's own API description: every call it declares (credentials
 * check, identity, each scope's probe) must be a GET operation of one of BigCommerce's OpenAPI
 * files, under that file's server (v2 or v3). The files are test data in the shared folder next
 * to the repository ({@code ../shared/bigcommerce-openapi}); the test is skipped only when that
 * folder is absent.
 */
final class BigCommerceOpenApiContractTest {

  /** From this module (plugins/bigcommerce), the repository root is ../.., and shared/ sits next to it. */
  private static final Path SPECS = Path.of("../../../shared/bigcommerce-openapi");

  @TempDir Path plugins;

  @Test
  void everyCallTheDescriptorDeclaresIsAGetOperationOfBigCommercesApi() throws IOException {
    assumeTrue(Files.isDirectory(SPECS), "BigCommerce's OpenAPI files are not at " + SPECS.toAbsolutePath().normalize());
    List<String> operations = getOperations();
    ConnectorDescriptor descriptor = descriptor();

    Map<String, String> calls = new LinkedHashMap<>();
    calls.put("credentials.path", descriptor.credentials().path());
    calls.put("identity.path", descriptor.identity().path());
    descriptor.scopes().forEach(scope -> calls.put("scopes[" + scope.name() + "].probe.path", scope.probe().path()));

    List<String> unknown = new ArrayList<>();
    calls.forEach((where, path) -> {
      String url = address(descriptor, path);
      if (operations.stream().noneMatch(operation -> matches(url, operation))) {
        unknown.add(where + ": GET " + url);
      }
    });
    assertThat(unknown).as("calls that are not GET operations in " + SPECS).isEmpty();
    assertThat(calls).hasSize(descriptor.scopes().size() + 2);
  }

  @Test
  void theMatchTellsAParameterFromALiteralSegment() {
    String operation = "https://api.bigcommerce.com/stores/{store_hash}/v3/orders/{order_id}/transactions";

    assertThat(matches("https://api.bigcommerce.com/stores/{api_path.store_hash}/v3/orders/1/transactions", operation))
        .isTrue();
    assertThat(matches("https://api.bigcommerce.com/stores/{api_path.store_hash}/v3/orders/1/transaction", operation))
        .isFalse();
    assertThat(matches("https://api.bigcommerce.com/stores/{api_path.store_hash}/v2/orders/1/transactions", operation))
        .isFalse();
    assertThat(matches("https://api.bigcommerce.com/stores/{api_path.store_hash}/v3/{account.x}/1/transactions", operation))
        .isFalse();
  }

  /** Every GET operation in the files, as {@code server url + path}, parameters in braces. */
  private static List<String> getOperations() throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    List<String> operations = new ArrayList<>();
    try (Stream<Path> files = Files.list(SPECS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        JsonNode spec = yaml.readTree(file.toFile());
        String server = spec.at("/servers/0/url").asString();
        spec.get("paths").properties().forEach(path -> {
          if (path.getValue().has("get")) {
            operations.add(server + path.getKey());
          }
        });
      }
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

  /** Segment by segment: a parameter of the operation takes any segment, a placeholder of ours only a parameter. */
  static boolean matches(String url, String operation) {
    String[] ours = url.split("/");
    String[] theirs = operation.split("/");
    if (ours.length != theirs.length) {
      return false;
    }
    for (int i = 0; i < ours.length; i++) {
      boolean parameter = theirs[i].startsWith("{") && theirs[i].endsWith("}");
      boolean placeholder = ours[i].startsWith("{") && ours[i].endsWith("}");
      if (!(parameter || (!placeholder && ours[i].equals(theirs[i])))) {
        return false;
      }
    }
    return true;
  }

  private ConnectorDescriptor descriptor() {
    TestPluginJar.plugin("bigcommerce").directory(Path.of("target/classes")).writeTo(plugins);
    try (PluginRegistry registry = PluginRegistry.load(plugins)) {
      return registry.connector("bigcommerce").descriptor();
    }
  }
}
