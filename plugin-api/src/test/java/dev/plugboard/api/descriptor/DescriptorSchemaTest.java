package dev.plugboard.api.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.descriptor.SchemaWalk.Place;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The JSON Schema and the records say the same thing, at every level: the keys, their shapes,
 * which are required and what they default to. A component added to a record, or a property to
 * the schema, fails here until the other side says it too.
 */
final class DescriptorSchemaTest {

  private static final DescriptorSchema SCHEMA = DescriptorSchema.shipped();
  private static final SchemaWalk WALK = new SchemaWalk(SCHEMA);
  private static final Map<Class<?>, List<Record>> RECORDS = DescriptorSamples.recordsOfEverySample();

  @Test
  void everyRecordComponentIsASchemaPropertyAndEveryPropertyAComponent() {
    List<String> problems = new ArrayList<>();
    for (Place place : WALK.places()) {
      Set<String> notInSchema = new TreeSet<>(place.componentNames());
      notInSchema.removeAll(place.propertyNames());
      Set<String> notInRecord = new TreeSet<>(place.propertyNames());
      notInRecord.removeAll(place.componentNames());
      if (!notInSchema.isEmpty() || !notInRecord.isEmpty()) {
        problems.add(where(place) + " (" + place.record().getSimpleName() + "): not in the schema " + notInSchema
            + ", not in the record " + notInRecord);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theWalkReachesEveryRecordOfTheDescriptor() {
    assertThat(WALK.places().stream().map(Place::record).distinct().map(Class::getSimpleName))
        .containsExactlyInAnyOrder("ConnectorDescriptor", "Guide", "GuideStep", "Field", "Advisory", "CredentialsFile",
            "Http", "Auth", "BasicAuth", "RateLimit", "AnswerRule", "BodyMatch", "PlatformCheck", "CredentialsCheck",
            "Identity", "Scope", "Probe", "ScopeListing", "Remediation", "Excess", "Notice", "ExcessCall", "AnswerMatch",
            "Diagnosis");
  }

  @Test
  void listsObjectsMapsStringsAndEnumsHaveTheSameShapeInBoth() {
    assertThat(WALK.shapeProblems()).isEmpty();
  }

  @Test
  void everyRecordObjectRefusesKeysItDoesNotName() {
    assertThat(WALK.places().stream()
        .filter(place -> !place.object().path("additionalProperties").isBoolean()
            || place.object().get("additionalProperties").asBoolean())
        .map(DescriptorSchemaTest::where))
        .isEmpty();
  }

  @Test
  void everyPropertySaysWhatItIsForAnEditorToShow() {
    List<String> undescribed = new ArrayList<>();
    for (Place place : WALK.places()) {
      for (String name : place.propertyNames()) {
        if (place.property(name).path("description").asString("").isBlank()) {
          undescribed.add(place.at(name));
        }
      }
    }
    assertThat(undescribed).isEmpty();
  }

  @Test
  void theSchemaRequiresExactlyTheComponentsNoRecordCanDoWithout() {
    List<String> problems = new ArrayList<>();
    for (Place place : WALK.places()) {
      Set<String> required = new TreeSet<>();
      place.object().path("required").forEach(name -> required.add(name.asString()));
      for (RecordComponent component : place.record().getRecordComponents()) {
        boolean needed = instances(place).stream().allMatch(r -> RecordProbe.without(r, component).isEmpty());
        if (needed != required.contains(component.getName())) {
          problems.add(place.at(component.getName()) + (needed
              ? " cannot be left out of " + place.record().getSimpleName() + " but the schema does not require it"
              : " may be left out of " + place.record().getSimpleName() + " but the schema requires it"));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theSchemaStatesEveryDefaultTheRecordsFillIn() {
    List<String> problems = new ArrayList<>();
    for (Place place : WALK.places()) {
      for (RecordComponent component : place.record().getRecordComponents()) {
        Optional<JsonNode> filledIn = filledIn(place, component);
        Optional<JsonNode> stated = statedDefault(place.property(component.getName()));
        if (!filledIn.equals(stated)) {
          problems.add(place.at(component.getName()) + ": the record fills in " + filledIn.map(JsonNode::toString)
              .orElse("nothing") + ", the schema states the default " + stated.map(JsonNode::toString).orElse("nothing"));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theEveryKeySampleGivesEveryComponentOfEveryRecordSomewhere() {
    JsonNode tree = DescriptorSamples.tree(DescriptorSamples.EVERY_KEY);
    Map<Class<?>, Set<String>> neverGiven = new LinkedHashMap<>();
    for (Place place : WALK.places()) {
      neverGiven.computeIfAbsent(place.record(), r -> new TreeSet<>(place.componentNames()));
    }
    for (Place place : WALK.places()) {
      neverGiven.get(place.record()).removeIf(name -> !given(tree, place.path(), name).isEmpty());
    }
    neverGiven.values().removeIf(Set::isEmpty);

    assertThat(neverGiven).as("components " + DescriptorSamples.EVERY_KEY + " never gives").isEmpty();
  }

  @Test
  void theSchemaOnTheClassPathIsTheFileEditorsRead() throws IOException {
    Path source = Path.of("src/main/resources" + DescriptorSchema.RESOURCE);

    assertThat(SCHEMA.tree()).isEqualTo(JsonMapper.shared().readTree(Files.readString(source)));
  }

  private static List<Record> instances(Place place) {
    List<Record> instances = RECORDS.getOrDefault(place.record(), List.of());
    assertThat(instances).as("instances of " + place.record().getSimpleName() + " in the samples").isNotEmpty();
    return instances;
  }

  /** What the record holds for {@code component} when a file leaves it out, if it is a value a schema can state. */
  private static Optional<JsonNode> filledIn(Place place, RecordComponent component) {
    for (Record instance : instances(place)) {
      Optional<Record> rebuilt = RecordProbe.without(instance, component);
      if (rebuilt.isPresent()) {
        return json(RecordProbe.valueOf(rebuilt.get(), component));
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> json(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Optional<?> optional) {
      return optional.flatMap(DescriptorSchemaTest::json);
    } else if (value instanceof java.util.OptionalInt optional) {
      return optional.isPresent() ? json(optional.getAsInt()) : Optional.empty();
    } else if (value instanceof String text) {
      return Optional.of(nodes.stringNode(text));
    } else if (value instanceof Boolean bool) {
      return Optional.of(nodes.booleanNode(bool));
    } else if (value instanceof Integer number) {
      return Optional.of(nodes.numberNode(number));
    } else if (value instanceof Enum<?> constant) {
      return Optional.of(nodes.stringNode(constant.name().toLowerCase(Locale.ROOT)));
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      ArrayNode array = nodes.arrayNode();
      for (Object element : list) {
        Optional<JsonNode> node = json(element);
        if (node.isEmpty()) {
          return Optional.empty();
        }
        array.add(node.get());
      }
      return Optional.of(array);
    }
    return Optional.empty(); // null, empty, or a record standing for "none"
  }

  /** The property's {@code default}, or the one of the node it refers to. */
  private static Optional<JsonNode> statedDefault(JsonNode property) {
    JsonNode node = property;
    while (!node.has("default") && node.has("$ref")) {
      node = SCHEMA.tree().at(node.get("$ref").asString().substring(1));
    }
    return Optional.ofNullable(node.get("default"));
  }

  /** The values {@code name} has in the sample at {@code path} ({@code scopes[].probe}), wherever it is given. */
  private static List<JsonNode> given(JsonNode tree, String path, String name) {
    List<JsonNode> nodes = List.of(tree);
    for (String step : path.isEmpty() ? new String[0] : path.split("\\.")) {
      boolean list = step.endsWith("[]");
      String key = list ? step.substring(0, step.length() - 2) : step;
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : nodes) {
        List<JsonNode> children = key.equals("*") ? node.valueStream().toList() : List.of(node.path(key));
        for (JsonNode child : children) {
          if (list) {
            child.forEach(next::add);
          } else if (!child.isMissingNode()) {
            next.add(child);
          }
        }
      }
      nodes = next;
    }
    return nodes.stream().map(node -> node.path(name)).filter(node -> !node.isMissingNode()).toList();
  }

  private static String where(Place place) {
    return place.path().isEmpty() ? "the descriptor" : place.path();
  }
}
