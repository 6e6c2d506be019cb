package dev.plugboard.host;

import dev.plugboard.host.internal.json.Mappers;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * The JSON that {@code plugboard ... --json} prints, for an application that hands Plugboard's
 * results on as JSON: indented, keys in declared order, no {@code null} values, statuses in lower
 * case, instants in ISO-8601. It writes the host's public records (reports, connections, forms,
 * plugin statuses), plugin-api descriptors, and maps and lists of them; secrets are never in it,
 * since none of those holds one (a {@link Connection} is written with its values masked).
 *
 * <pre>{@code
 * Map<String, Object> document = JsonOutput.toMap(report);
 * document.put("connection", name);
 * response.write(JsonOutput.write(document));
 * }</pre>
 */
public final class JsonOutput {

  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

  private JsonOutput() {}

  /** {@code value} as one indented JSON document. */
  public static String write(Object value) {
    return Mappers.output().writeValueAsString(value);
  }

  /**
   * The keys and values {@link #write} gives {@code value}, in order, as a map to add keys to.
   *
   * @throws IllegalArgumentException when {@code value} is not written as a JSON object
   */
  public static Map<String, Object> toMap(Object value) {
    return Mappers.output().convertValue(value, OBJECT);
  }
}
