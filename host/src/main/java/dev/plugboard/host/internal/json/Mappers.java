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

  private Mappers() {}

  /** Reads JSON strictly: unknown keys, duplicate keys and trailing content are errors. */
  public static ObjectMapper strictJson() {
    return StrictJson.MAPPER;
  }

  /** Reads YAML as strictly as {@link #strictJson()}. */
  public static ObjectMapper strictYaml() {
    return StrictYaml.MAPPER;
  }

  /** Writes the JSON users and programs read: indented, declared order, no nulls, lowercase enums. */
  public static ObjectMapper output() {
    return Output.MAPPER;
  }

  // One holder each, so that a command builds only the mappers it uses: each costs tens of
  // milliseconds of a cold start.
  private static final class StrictJson {
    static final ObjectMapper MAPPER = strict(JsonMapper.builder());
  }

  private static final class StrictYaml {
    static final ObjectMapper MAPPER = strict(YAMLMapper.builder());
  }

  private static final class Output {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
        .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();
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
