package dev.plugboard.host.internal.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plugboard.host.Connection;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the public records are written as JSON, kept here so that they carry no Jackson
 * annotations: an application using them needs no Jackson, and the documents
 * {@code --json} prints keep their shape whatever an application's own mapper does.
 */
final class PublicJson {

  private PublicJson() {}

  static JsonMapper.Builder mixIns(JsonMapper.Builder builder) {
    return builder
        .addMixIn(Connection.class, ConnectionJson.class)
        .addMixIn(Problem.class, EvidenceAlways.class)
        .addMixIn(ScopeCheck.class, EvidenceAlways.class)
        .addMixIn(Evidence.class, StatusIfAnswered.class);
  }

  /** A connection's values are written masked, under {@code values}; the clear ones never. */
  private abstract static class ConnectionJson {
    @JsonIgnore
    abstract Map<String, String> values();

    @JsonProperty("values")
    abstract Map<String, String> maskedValues();
  }

  /** A call that got no answer has no status key. */
  private abstract static class StatusIfAnswered {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract OptionalInt status();
  }

  /** The evidence key is always there, null when no call decided it: a document's keys never change. */
  private abstract static class EvidenceAlways {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    abstract Optional<Evidence> evidence();
  }
}
