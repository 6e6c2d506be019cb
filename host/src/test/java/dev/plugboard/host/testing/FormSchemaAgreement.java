package dev.plugboard.host.testing;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.Form;
import dev.plugboard.host.FormField;
import dev.plugboard.host.Plugboard;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks a connector's JSON Schema (through the networknt validator) and the host's format phase
 * about the same values. The schema is given what a web form submits: each value after the
 * field's clean-ups ({@link FormField#normalize(String)}), empty values left out.
 *
 * <pre>{@code
 * FormSchemaAgreement agreement = new FormSchemaAgreement(plugboard, "bigcommerce");
 * assertThat(agreement.agreedVerdict(goodValues, "api_path", "http://api.bigcommerce.com/")).isEqualTo("refused");
 * }</pre>
 */
public final class FormSchemaAgreement {

  private final Plugboard plugboard;
  private final String connectorId;
  private final Form form;
  private final Schema schema;

  public FormSchemaAgreement(Plugboard plugboard, String connectorId) {
    this.plugboard = plugboard;
    this.connectorId = connectorId;
    this.form = plugboard.form(connectorId);
    this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(plugboard.formJsonSchema(connectorId), InputFormat.JSON);
  }

  /**
   * Puts {@code value} in {@code field} of a good set of values, asks both, and returns what both
   * said: {@code accepted} or {@code refused}.
   *
   * @throws AssertionError when the schema and the host disagree
   */
  public String agreedVerdict(Map<String, String> good, String field, String value) {
    Map<String, String> values = new LinkedHashMap<>(good);
    values.put(field, value);
    boolean host = hostAccepts(values);
    if (schemaAccepts(values) != host) {
      throw new AssertionError("the host " + (host ? "accepts" : "refuses") + " the value of " + field
          + " but the JSON Schema does not agree; the schema saw " + submitted(values).get(field));
    }
    return host ? "accepted" : "refused";
  }

  /** Whether every field passes the host's format phase. */
  public boolean hostAccepts(Map<String, String> raw) {
    return plugboard.checkFormat(connectorId, raw).stream().allMatch(c -> c.status() == FieldCheck.Status.OK);
  }

  /** Whether the JSON Schema accepts what a web form would submit for {@code raw}. */
  public boolean schemaAccepts(Map<String, String> raw) {
    return schema.validate(submitted(raw).toString(), InputFormat.JSON).isEmpty();
  }

  /** The JSON object a web form submits: cleaned-up values, empty ones left out. */
  public ObjectNode submitted(Map<String, String> raw) {
    ObjectNode document = JsonMapper.shared().createObjectNode();
    for (FormField field : form.fields()) {
      String value = raw.get(field.id());
      if (value != null && !field.normalize(value).isEmpty()) {
        document.put(field.id(), field.normalize(value));
      }
    }
    return document;
  }
}
