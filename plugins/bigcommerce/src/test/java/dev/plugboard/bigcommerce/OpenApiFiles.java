package dev.plugboard.bigcommerce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * BigCommerce's own OpenAPI files, test data in the shared folder next to the repository
 * ({@code ../shared/bigcommerce-openapi}): each file's server and its GET operations.
 */
final class OpenApiFiles {

  /** From this module (plugins/bigcommerce), the repository root is ../.., and shared/ sits next to it. */
  static final Path SPECS = Path.of("../../../shared/bigcommerce-openapi");

  /**
   * One file.
   *
   * @param name its file name, such as {@code orders.v3.yml}
   * @param server its server's URL, such as {@code https://api.bigcommerce.com/stores/{store_hash}/v3}
   * @param getStatuses each GET operation's path (parameters in braces) and the statuses it defines
   */
  record Spec(String name, String server, Map<String, Set<String>> getStatuses) {

    /** The API version its server is under: {@code v2} or {@code v3}. */
    String version() {
      return server.substring(server.lastIndexOf('/') + 1);
    }
  }

  private OpenApiFiles() {}

  /** Every file of {@link #SPECS}, in name order. */
  static List<Spec> read() throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    List<Spec> specs = new ArrayList<>();
    try (Stream<Path> files = Files.list(SPECS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
        JsonNode spec = yaml.readTree(file.toFile());
        Map<String, Set<String>> statuses = new LinkedHashMap<>();
        spec.get("paths").properties().forEach(path -> {
          JsonNode get = path.getValue().get("get");
          if (get != null) {
            statuses.put(path.getKey(), Set.copyOf(get.get("responses").propertyNames()));
          }
        });
        specs.add(new Spec(file.getFileName().toString(), spec.at("/servers/0/url").asString(), statuses));
      }
    }
    return specs;
  }

  /**
   * Whether {@code path} is one of {@code template}'s, segment by segment: a parameter of the
   * operation takes any segment, a placeholder of ours (in braces) only a parameter.
   */
  static boolean matches(String path, String template) {
    String[] ours = path.split("/", -1);
    String[] theirs = template.split("/", -1);
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
}
