package dev.plugboard.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The page's JSON: what its script posts, and what it is answered. */
final class Json {

  static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build()).build()).build();

  private Json() {}

  /** What the page posts: the values typed, the fields to take from the dropped file, a name. */
  record Posted(Map<String, String> values, List<String> fromFile, String name) {}

  static Posted posted(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(new String(body, UTF_8));
    } catch (JacksonException e) {
      throw new Exchanges.Refused(400, "The request is not the JSON this page sends; reload the page and try again.");
    }
    if (root == null || !root.isObject()) {
      throw new Exchanges.Refused(400, "The request is not the JSON this page sends; reload the page and try again.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    JsonNode given = root.path("values");
    if (given.isObject()) {
      for (Map.Entry<String, JsonNode> entry : given.properties()) {
        if (!entry.getValue().isString()) {
          throw new Exchanges.Refused(400, "The value of " + entry.getKey() + " is not text.");
        }
        values.put(entry.getKey(), entry.getValue().asString());
      }
    }
    List<String> fromFile = new ArrayList<>();
    root.path("fromFile").forEach(node -> fromFile.add(node.asString()));
    JsonNode name = root.path("name");
    return new Posted(values, fromFile, name.isString() && !name.asString().isBlank() ? name.asString().strip() : null);
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String error(String message) {
    return object().put("error", message).toString();
  }
}
