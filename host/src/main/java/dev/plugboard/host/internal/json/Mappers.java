package dev.plugboard.host.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The host's Jackson set-up: strict when reading data, plain and ordered when writing it. */
public final class Mappers {

  private static final ObjectMapper STRICT_JSON = strict(JsonMapper.builder());
  private static final ObjectMapper STRICT_YAML = strict(YAMLMapper.builder());
  private static final ObjectMapper OUTPUT = JsonMapper.builder()
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
      .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
      .build();

  private Mappers() {}

  /** Reads JSON strictly: unknown keys, duplicate keys and trailing content are errors. */
  public static ObjectMapper strictJson() {
    return STRICT_JSON;
  }

  /** Reads YAML as strictly as {@link #strictJson()}. */
  public static ObjectMapper strictYaml() {
    return STRICT_YAML;
  }

  /** Writes the JSON users and programs read: indented, declared order, no nulls, lowercase enums. */
  public static ObjectMapper output() {
    return OUTPUT;
  }

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M strict(B builder) {
    return builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .build();
  }
}
