package dev.plugboard.api.descriptor;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Walks the descriptor records by reflection beside the JSON Schema, from {@link
 * ConnectorDescriptor} down through nested records, lists and maps, and notes every place where
 * the schema says a different shape than the Java type (a list, an object, a map, a string, an
 * enum's constants).
 */
final class SchemaWalk {

  /** One record's place in the descriptor ({@code http.answers[].match[]}) and the schema object there. */
  record Place(String path, Class<?> record, JsonNode object) {

    String at(String component) {
      return path.isEmpty() ? component : path + "." + component;
    }

    Set<String> componentNames() {
      return new TreeSet<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    Set<String> propertyNames() {
      return object.has("properties") ? new TreeSet<>(object.get("properties").propertyNames()) : Set.of();
    }

    JsonNode property(String name) {
      return object.path("properties").path(name);
    }
  }

  private final DescriptorSchema schema;
  private final List<Place> places = new ArrayList<>();
  private final List<String> shapeProblems = new ArrayList<>();

  SchemaWalk(DescriptorSchema schema) {
    this.schema = schema;
    shape(ConnectorDescriptor.class, schema.tree(), "");
  }

  /** Every place a record stands, the root ({@code ""}) first. */
  List<Place> places() {
    return places;
  }

  /** Every place where the schema's shape is not the Java type's. */
  List<String> shapeProblems() {
    return shapeProblems;
  }

  private void shape(Type type, JsonNode node, String path) {
    JsonNode resolved = schema.resolve(node);
    String where = path.isEmpty() ? "the descriptor" : path;
    if (type instanceof ParameterizedType generic && generic.getRawType() == java.util.Optional.class) {
      shape(generic.getActualTypeArguments()[0], node, path); // an optional key: its value's shape
    } else if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
      if (expect(resolved, "array", where, type)) {
        shape(generic.getActualTypeArguments()[0], resolved.path("items"), path + "[]");
      }
    } else if (type instanceof ParameterizedType generic && generic.getRawType() == java.util.Map.class) {
      if (expect(resolved, "object", where, type)) {
        JsonNode values = resolved.path("additionalProperties");
        if (resolved.has("properties") || !values.isObject()) {
          shapeProblems.add(where + " is a map in " + type.getTypeName()
              + " but the schema gives it fixed properties or no schema for its values");
        } else {
          shape(generic.getActualTypeArguments()[1], values, path + ".*");
        }
      }
    } else if (type instanceof Class<?> record && record.isRecord()) {
      if (expect(resolved, "object", where, type)) {
        record(record, resolved, path);
      }
    } else if (type instanceof Class<?> enumType && enumType.isEnum()) {
      if (expect(resolved, "string", where, type)) {
        enumValues(enumType, resolved, where);
      }
    } else if (type == String.class) {
      expect(resolved, "string", where, type);
    } else if (type == Boolean.class || type == boolean.class) {
      expect(resolved, "boolean", where, type);
    } else if (type == Integer.class || type == int.class || type == java.util.OptionalInt.class) {
      expect(resolved, "integer", where, type);
    } else {
      shapeProblems.add(where + " has the type " + type.getTypeName() + ", which this test cannot compare yet");
    }
  }

  private void record(Class<?> record, JsonNode object, String path) {
    Place place = new Place(path, record, object);
    places.add(place);
    for (RecordComponent component : record.getRecordComponents()) {
      JsonNode property = place.property(component.getName());
      if (!property.isMissingNode()) {
        shape(component.getGenericType(), property, place.at(component.getName()));
      }
    }
  }

  private void enumValues(Class<?> enumType, JsonNode resolved, String where) {
    Set<String> constants = new TreeSet<>();
    for (Object constant : enumType.getEnumConstants()) {
      constants.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
    }
    Set<String> values = new TreeSet<>();
    resolved.path("enum").forEach(value -> values.add(value.asString()));
    if (!constants.equals(values)) {
      shapeProblems.add(where + " is the enum " + enumType.getSimpleName() + " " + constants
          + " but the schema allows " + values);
    }
  }

  private boolean expect(JsonNode resolved, String jsonType, String where, Type type) {
    String actual = resolved.path("type").asString("(no type)");
    if (!actual.equals(jsonType)) {
      shapeProblems.add(where + " is " + type.getTypeName() + ", a JSON " + jsonType + ", but the schema says " + actual);
      return false;
    }
    return true;
  }
}
