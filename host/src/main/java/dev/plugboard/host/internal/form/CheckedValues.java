package dev.plugboard.host.internal.form;

import dev.plugboard.host.internal.http.AllowedHosts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A connector's values after the format phase passed: normalised, with every part derived. This
 * is what the verification engine and the connection store take; nothing is sent or stored
 * before values get here.
 *
 * <p>{@link #toString()} names the fields only: the values may be secrets.
 *
 * @param connectorId the connector the values are for
 * @param fields the normalised value of each field given, by field id, in declared order
 * @param placeholders every name a descriptor template may use, with its value: {@code access_token}
 *     for a field, {@code api_path.store_hash} or {@code api_path.origin} for a part
 * @param secretFields the ids of the fields whose values are secrets
 * @param allowedHosts where credentials may go on a run with these values: the allow-list the format
 *     phase checked them against, with the hosts taken from the values filled in; the HTTP client
 *     of the run holds every request to this same list
 * @param guardedHosts the hosts taken from the values, each with the field it came from: they are
 *     resolved and checked to be public before anything is sent
 */
public record CheckedValues(
    String connectorId,
    Map<String, String> fields,
    Map<String, String> placeholders,
    Set<String> secretFields,
    AllowedHosts allowedHosts,
    Map<String, String> guardedHosts) {

  public CheckedValues {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    placeholders = Collections.unmodifiableMap(new LinkedHashMap<>(placeholders));
    secretFields = Set.copyOf(secretFields);
    Objects.requireNonNull(allowedHosts, "allowedHosts == null");
    guardedHosts = Collections.unmodifiableMap(new LinkedHashMap<>(guardedHosts));
  }

  /** Values checked against no allow-list (to store, not to send: credentials may go nowhere), none to guard. */
  public CheckedValues(
      String connectorId, Map<String, String> fields, Map<String, String> placeholders, Set<String> secretFields) {
    this(connectorId, fields, placeholders, secretFields, AllowedHosts.of(List.of(), List.of()), Map.of());
  }

  /** The value a template placeholder stands for. */
  public String placeholder(String name) {
    String value = placeholders.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no value for {" + name + "}; known: " + placeholders.keySet());
    }
    return value;
  }

  @Override
  public String toString() {
    return "CheckedValues[" + connectorId + ", fields=" + fields.keySet() + "]";
  }
}
