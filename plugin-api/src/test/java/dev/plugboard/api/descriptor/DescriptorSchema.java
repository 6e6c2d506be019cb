package dev.plugboard.api.descriptor;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The descriptor's JSON Schema as plugin-api ships it, read as a tree (to walk beside the records)
 * and as a validator (to apply to descriptors).
 */
final class DescriptorSchema {

  /** Where the schema is on the class path, and below {@code src/main/resources} for editors. */
  static final String RESOURCE = "/dev/plugboard/api/descriptor/descriptor-1.3.schema.json";

  private final JsonNode tree;
  private final Schema validator;

  private DescriptorSchema(JsonNode tree) {
    this.tree = tree;
    this.validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(tree);
  }

  static DescriptorSchema shipped() {
    try (InputStream in = DescriptorSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new AssertionError(RESOURCE + " is not on the class path");
      }
      return new DescriptorSchema(JsonMapper.shared().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode tree() {
    return tree;
  }

  /**
   * The node that says what a value is: {@code node} itself when it has a {@code type}, else the
   * node its {@code $ref} names (a property's node holds its description beside the reference).
   */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (!current.has("type") && current.has("$ref")) {
      String ref = current.get("$ref").asString();
      if (!ref.startsWith("#/")) {
        throw new AssertionError("the schema refers outside itself: " + ref);
      }
      current = tree.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new AssertionError("the schema refers to nothing: " + ref);
      }
    }
    return current;
  }

  /** What the schema finds wrong with {@code document}, each as {@code location: message}; none when valid. */
  List<String> problems(JsonNode document) {
    return validator.validate(document).stream().map(DescriptorSchema::describe).toList();
  }

  private static String describe(Error error) {
    return error.getInstanceLocation() + ": " + error.getMessage();
  }
}
