package dev.plugboard.host.internal.form;

import dev.plugboard.api.descriptor.FieldKind;
import dev.plugboard.host.Form;
import dev.plugboard.host.FormField;
import dev.plugboard.host.internal.http.AllowedHosts;
import dev.plugboard.host.internal.http.ExtraHost;
import dev.plugboard.host.internal.json.Mappers;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Form} as a JSON Schema (draft 2020-12) that web form libraries render. It describes
 * values after the field's clean-ups ({@link FormField#normalize(String)}), with empty optional
 * values left out: a value the schema accepts passes the host's format phase, and the other way
 * round. Patterns are anchored, written in the syntax ECMAScript, Java and Python share, and for an
 * address cover the whole value: an allowed origin, then the descriptor's path pattern.
 */
public final class FormSchema {

  public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  /** Refuses the characters the host refuses, wherever they stand. */
  private static final String NO_INVISIBLE = "(?![\\s\\S]*" + Characters.invisibleClass() + ")";

  private FormSchema() {}

  public static String json(Form form, AllowedHosts hosts) {
    return Mappers.output().writeValueAsString(of(form, hosts));
  }

  public static ObjectNode of(Form form, AllowedHosts hosts) {
    ObjectNode schema = Mappers.output().createObjectNode();
    schema.put("$schema", DRAFT);
    schema.put("title", form.name());
    schema.put("description", form.summary());
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = Mappers.output().createArrayNode();
    for (FormField field : form.fields()) {
      properties.set(field.id(), property(field, form.maxLength(), hosts));
      if (field.required()) {
        required.add(field.id());
      }
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode property(FormField field, int maxLength, AllowedHosts hosts) {
    ObjectNode property = Mappers.output().createObjectNode();
    property.put("type", "string");
    property.put("title", field.label());
    property.put("description", description(field));
    field.example().ifPresent(example -> property.putArray("examples").add(example));
    if (field.required()) {
      property.put("minLength", 1);
    }
    property.put("maxLength", maxLength);
    property.put("pattern", pattern(field, hosts));
    if (field.secret()) {
      property.put("format", "password");
      property.put("writeOnly", true);
    }
    return property;
  }

  private static String description(FormField field) {
    StringBuilder text = new StringBuilder(field.help());
    field.patternHint().ifPresent(hint -> text.append(" Format: ").append(hint).append('.'));
    if (field.guideStep().isPresent()) {
      text.append(" Found at step ").append(field.guideStep().getAsInt()).append(" of the setup guide (")
          .append(field.guideStepTitle().orElse("")).append(").");
    }
    return text.toString();
  }

  /** The whole value, anchored: for an address, an allowed origin then the path pattern. */
  static String pattern(FormField field, AllowedHosts hosts) {
    String body;
    if (field.pattern().isEmpty()) {
      body = field.kind() == FieldKind.URL ? "(?:/[^?#]*)?" : "[\\s\\S]*";
    } else {
      body = "(?:" + unanchored(field.pattern().get()) + ")";
    }
    if (field.kind() == FieldKind.URL) {
      body = "(?:" + String.join("|", origins(hosts)) + ")" + body;
    }
    return "^" + NO_INVISIBLE + body + "$";
  }

  /** The descriptor's pattern without its own anchors: the host matches it whole anyway. */
  private static String unanchored(String pattern) {
    String result = pattern.startsWith("^") ? pattern.substring(1) : pattern;
    if (result.endsWith("$") && !result.endsWith("\\$")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }

  /** Scheme and host as the host accepts them: any letter case, the default port written or not. */
  private static List<String> origins(AllowedHosts hosts) {
    List<String> origins = new ArrayList<>();
    for (String host : hosts.descriptorHosts()) {
      origins.add(anyCase("https") + "://" + anyCase(host) + "(?::443)?");
    }
    for (ExtraHost extra : hosts.extraHosts()) {
      String host = anyCase(extra.host().contains(":") ? "[" + extra.host() + "]" : extra.host());
      origins.add(anyCase("https") + "://" + host + port(extra.port(), 443));
      if (extra.loopback()) {
        origins.add(anyCase("http") + "://" + host + port(extra.port(), 80));
      }
    }
    return origins;
  }

  private static String port(int port, int defaultPort) {
    if (port == -1) {
      return "(?::[1-9][0-9]{0,4})?";
    }
    return port == defaultPort ? "(?::" + port + ")?" : ":" + port;
  }

  /** {@code api.x} as {@code [aA][pP][iI]\.[xX]}: ECMAScript patterns have no case-insensitive flag inline. */
  private static String anyCase(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (Character.isLetter(c)) {
        out.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
      } else if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
