package dev.plugboard.api.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The schema is a valid JSON Schema 2020-12, accepts the descriptors the records accept, and
 * refuses broken ones at the place an editor would underline, as the records refuse them.
 */
final class DescriptorSchemaValidationTest {

  private static final DescriptorSchema SCHEMA = DescriptorSchema.shipped();
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void theSchemaIsAValidJsonSchema202012() {
    Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    assertThat(metaSchema.validate(SCHEMA.tree())).isEmpty();
    assertThat(SCHEMA.tree().path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(SCHEMA.tree().path("properties").path("format").path("const").asString())
        .isEqualTo(ConnectorDescriptor.FORMAT);
  }

  @Test
  void aSchemaThatBreaksTheMetaSchemaIsNoticed() {
    Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    ObjectNode broken = (ObjectNode) SCHEMA.tree().deepCopy();
    broken.put("required", "format");

    assertThat(metaSchema.validate(broken.toString(), InputFormat.JSON)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {DescriptorSamples.EVERY_KEY, DescriptorSamples.FEWEST_KEYS})
  void aSampleDescriptorPassesTheSchemaAndBuildsAsRecords(String sample) {
    ObjectNode tree = DescriptorSamples.tree(sample);

    assertThat(SCHEMA.problems(tree)).isEmpty();
    assertThat(DescriptorSamples.build(tree).format()).isEqualTo("1.3");
  }

  static Stream<Variant> broken() {
    return Stream.of(
        new Variant("a file without format", t -> remove(t, "/format"), ""),
        new Variant("format 1.0", t -> set(t, "/format", "'1.0'"), "/format"),
        new Variant("a misspelt key in a field", t -> set(t, "/fields/0/lable", "Token"), "/fields/0"),
        new Variant("an unknown key at the top", t -> set(t, "/sumary", "Tiny"), ""),
        new Variant("a connector id in capitals", t -> set(t, "/id", "Tiny"), "/id"),
        new Variant("no fields", t -> set(t, "/fields", "[]"), "/fields"),
        new Variant("a field id with a dash", t -> set(t, "/fields/0/id", "api-token"), "/fields/0/id"),
        new Variant("a field id templates reserve", t -> set(t, "/fields/0/id", "scope"), "/fields/0/id"),
        new Variant("a field kind that does not exist", t -> set(t, "/fields/0/kind", "password"), "/fields/0/kind"),
        new Variant("a clean-up that does not exist", t -> set(t, "/fields/0/normalize", "[squash]"),
            "/fields/0/normalize/0"),
        new Variant("a pattern without its words", t -> set(t, "/fields/0/pattern", "'^[a-z]+$'"), "/fields/0"),
        new Variant("a canonical value for a secret", t -> set(t, "/fields/0/canonical", "'{token.origin}'"),
            "/fields/0/kind"),
        new Variant("a default for a secret", t -> set(t, "/fields/0/defaultValue", "abc"), "/fields/0/kind"),
        new Variant("a guide without steps", t -> set(t, "/guide/steps", "[]"), "/guide/steps"),
        new Variant("a guide step id with a capital and _", t -> set(t, "/guide/steps/0/id", "Create_Token"),
            "/guide/steps/0/id"),
        new Variant("a guide step named by its 1.0 number", t -> set(t, "/diagnoses/0/remediation/guideStep", "1"),
            "/diagnoses/0/remediation/guideStep"),
        new Variant("a base URL without its final /", t -> set(t, "/http/baseUrl", "https://api.tiny.example"),
            "/http/baseUrl"),
        new Variant("an allowed host in capitals", t -> set(t, "/http/allowedHosts", "[API.TINY.EXAMPLE]"),
            "/http/allowedHosts/0"),
        new Variant("a status that is not HTTP", t -> set(t, "/http/rejectedStatuses", "[700]"),
            "/http/rejectedStatuses/0"),
        new Variant("a rule without an outcome", t -> set(t, "/http/answers", "[{status: [401]}]"), "/http/answers/0"),
        new Variant("a rule with an outcome that does not exist",
            t -> set(t, "/http/answers", "[{status: [401], outcome: denied}]"), "/http/answers/0/outcome"),
        new Variant("a body match with both equals and matches", t -> set(t, "/http/answers",
            "[{status: [401], match: [{pointer: /code, equals: x, matches: y}], outcome: rejected}]"),
            "/http/answers/0/match/0"),
        new Variant("a body match whose pointer is not a JSON Pointer", t -> set(t, "/http/answers",
            "[{status: [401], match: [{pointer: code, equals: x}], outcome: rejected}]"),
            "/http/answers/0/match/0/pointer"),
        new Variant("a POST without a word on its side effects", t -> set(t, "/credentials/method", "POST"),
            "/credentials"),
        new Variant("a method HTTP does not have", t -> set(t, "/credentials/method", "FETCH"), "/credentials/method"),
        new Variant("a path with a leading /", t -> set(t, "/credentials/path", "/me"), "/credentials/path"),
        new Variant("a path ending in /", t -> set(t, "/credentials/path", "me/"), "/credentials/path"),
        new Variant("an identity value that is not a JSON Pointer", t -> set(t, "/identity/values/name", "name"),
            "/identity/values/name"),
        new Variant("an identity without values", t -> set(t, "/identity/values", "{}"), "/identity/values"),
        new Variant("a display with an unmatched brace", t -> set(t, "/identity/display", "'{account.name'"),
            "/identity/display"),
        new Variant("no diagnosis credentials_rejected", t -> set(t, "/diagnoses/0/id", "rejected"), "/diagnoses"),
        new Variant("a diagnosis trigger that does not exist", t -> set(t, "/diagnoses/0/when", "sometimes"),
            "/diagnoses/0/when"),
        new Variant("a scope without its id", t -> set(t, "/scopes",
            "[{name: Orders, permission: Read, probe: {path: orders, granted: [200]}}]"), "/scopes/0"),
        new Variant("a probe without granted statuses", t -> set(t, "/scopes",
            "[{name: Orders, permission: Read, id: orders, probe: {path: orders}}]"), "/scopes/0/probe"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void aBrokenDescriptorIsRefusedByTheSchemaWhereTheRecordsRefuseIt(Variant variant) {
    ObjectNode tree = variant.of(DescriptorSamples.FEWEST_KEYS);

    assertThat(SCHEMA.problems(tree)).anyMatch(problem -> problem.startsWith(variant.location() + ": "));
    assertThatThrownBy(() -> DescriptorSamples.build(tree))
        .isInstanceOfAny(JacksonException.class, InvalidDescriptorException.class);
  }

  static Stream<Variant> fine() {
    return Stream.of(
        new Variant("a POST that says why it changes nothing", t -> {
          set(t, "/credentials/method", "POST");
          set(t, "/credentials/sideEffectFree", "The route does not exist; the key is checked before routing.");
        }, ""),
        new Variant("a HEAD without a word on its side effects", t -> set(t, "/identity/method", "HEAD"), ""),
        new Variant("the base URL itself as the path", t -> set(t, "/credentials/path", "''"), ""),
        new Variant("a path with a query holding slashes", t -> set(t, "/credentials/path", "'me?fields=a/b'"), ""),
        new Variant("a scope proven by a probe", t -> set(t, "/scopes",
            "[{name: Orders, permission: Read, id: orders, probe: {path: orders, granted: [200]},"
                + " remediation: {text: Allow Orders.}}]"), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fine")
  void aDescriptorTheRecordsAcceptPassesTheSchema(Variant variant) {
    ObjectNode tree = variant.of(DescriptorSamples.FEWEST_KEYS);

    assertThat(SCHEMA.problems(tree)).isEmpty();
    assertThat(DescriptorSamples.build(tree)).isNotNull();
  }

  /** The fewest-keys sample changed one way; {@code location} is the JSON Pointer an editor would underline. */
  record Variant(String name, Consumer<ObjectNode> change, String location) {

    ObjectNode of(String sample) {
      ObjectNode tree = DescriptorSamples.tree(sample);
      change.accept(tree);
      return tree;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static void set(ObjectNode tree, String pointer, String yaml) {
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = tree.at(at.head());
    JsonNode value = YAML.readTree(yaml);
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(at.last().getMatchingProperty()), value);
    } else {
      ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
    }
  }

  private static void remove(ObjectNode tree, String pointer) {
    JsonPointer at = JsonPointer.compile(pointer);
    ((ObjectNode) tree.at(at.head())).remove(at.last().getMatchingProperty());
  }

  @Test
  void theFormat11SchemaIsTodaysWithoutWhatFormat13Added() throws Exception {
    ObjectNode today = (ObjectNode) DescriptorSchema.shipped().tree().deepCopy();
    JsonNode format11;
    try (var in = DescriptorSchema.class.getResourceAsStream("/dev/plugboard/api/descriptor/descriptor-1.1.schema.json")) {
      format11 = tools.jackson.databind.json.JsonMapper.shared().readTree(in);
    }
    assertThat(format11.at("/properties/format/const").asString()).isEqualTo("1.1");

    ObjectNode withoutAdditions = today.deepCopy();
    ((ObjectNode) withoutAdditions.at("/$defs/rateLimit/properties")).remove("burst");
    for (String key : List.of("$id", "title")) {
      withoutAdditions.set(key, format11.get(key));
    }
    ((ObjectNode) withoutAdditions.at("/properties")).set("format", format11.at("/properties/format"));
    assertThat(withoutAdditions).isEqualTo(format11);
  }
}
