package dev.plugboard.host.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
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
    static final ObjectMapper MAPPER = strict(JsonMapper.builder(JsonFactory.builder()
        .streamReadConstraints(limits().build())
        .build()));
  }

  /**
   * A descriptor is a few kilobytes: anything far larger, deeper or full of aliases is refused
   * while it is read, quickly, in words (a plugin's data is not trusted to be small).
   */
  private static final class StrictYaml {
    static final ObjectMapper MAPPER = strict(YAMLMapper.builder(YAMLFactory.builder()
        .loadSettings(yamlLoadSettings())
        .streamReadConstraints(limits().maxDocumentLength(YAML_CODE_POINTS).build())
        .build()));
  }

  /** The most characters a YAML document may hold (a descriptor: 1 MiB). */
  public static final int YAML_CODE_POINTS = 1024 * 1024;

  /** The most aliases ({@code *name}) a YAML document may use. */
  public static final int YAML_ALIASES = 50;

  /**
   * How YAML is parsed wherever the host reads it (Jackson's mapper, and the quick descriptor
   * reader that must read a file exactly as it does): the limits above, no recursive or duplicate keys.
   */
  public static LoadSettings yamlLoadSettings() {
    return YamlSettings.LOAD;
  }

  // A holder too: a command that reads only JSON never builds it.
  private static final class YamlSettings {
    static final LoadSettings LOAD = LoadSettings.builder()
        .setCodePointLimit(YAML_CODE_POINTS)
        .setMaxAliasesForCollections(YAML_ALIASES)
        .setAllowRecursiveKeys(false)
        .setAllowDuplicateKeys(false)
        .build();
  }

  /** The deepest nesting of objects and arrays read: the host's own data nests a handful deep. */
  public static final int MAX_NESTING = 64;

  /** The longest single string read: far above any value, descriptor text or sealed record. */
  public static final int MAX_STRING = 1024 * 1024;

  private static StreamReadConstraints.Builder limits() {
    return StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxStringLength(MAX_STRING);
  }

  private static final class Output {
    static final ObjectMapper MAPPER = PublicJson.mixIns(JsonMapper.builder())
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
        .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();
  }

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M strict(B builder) {
    return builder
        .addModule(new RecordConstructors())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .build();
  }
}
