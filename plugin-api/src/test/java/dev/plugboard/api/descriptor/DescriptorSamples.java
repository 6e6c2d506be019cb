package dev.plugboard.api.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The sample descriptors of the tests, and the records built from them the way the host builds
 * them: Jackson binding YAML keys to record components, strictly.
 */
final class DescriptorSamples {

  /** Every key of the format at least once. */
  static final String EVERY_KEY = "every-key.yaml";
  /** The required keys only. */
  static final String FEWEST_KEYS = "fewest-keys.yaml";

  private static final ObjectMapper STRICT = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();

  private DescriptorSamples() {}

  /** The sample as a tree, to validate or to change into a broken variant. */
  static ObjectNode tree(String name) {
    try (InputStream in = DescriptorSamples.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("no sample descriptor " + name);
      }
      return (ObjectNode) STRICT.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The descriptor the records make of {@code tree}; throws as the records refuse it. */
  static ConnectorDescriptor build(JsonNode tree) {
    return STRICT.treeToValue(tree, ConnectorDescriptor.class);
  }

  /** Every record instance in the descriptors built from the samples, by record class, in sample order. */
  static Map<Class<?>, List<Record>> recordsOfEverySample() {
    Map<Class<?>, List<Record>> found = new LinkedHashMap<>();
    for (String sample : List.of(EVERY_KEY, FEWEST_KEYS)) {
      collect(build(tree(sample)), found);
    }
    return found;
  }

  private static void collect(Object value, Map<Class<?>, List<Record>> found) {
    if (value instanceof Record record) {
      found.computeIfAbsent(record.getClass(), c -> new ArrayList<>()).add(record);
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        collect(RecordProbe.valueOf(record, component), found);
      }
    } else if (value instanceof java.util.Optional<?> optional) {
      optional.ifPresent(element -> collect(element, found));
    } else if (value instanceof List<?> list) {
      list.forEach(element -> collect(element, found));
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(element -> collect(element, found));
    }
  }
}
