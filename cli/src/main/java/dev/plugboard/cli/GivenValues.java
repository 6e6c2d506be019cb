package dev.plugboard.cli;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values gathered for one connector, each with where it came from, in declared order.
 * {@link #toString()} names fields and sources only: values may be secrets.
 *
 * @param connector the connector's id
 * @param values the value given for each field that has one, by field id
 * @param givenBlank for fields a source gave only an empty or blank value, that source in words
 */
record GivenValues(String connector, Map<String, Given> values, Map<String, String> givenBlank) {

  GivenValues {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    givenBlank = Collections.unmodifiableMap(new LinkedHashMap<>(givenBlank));
  }

  /**
   * One field's value.
   *
   * @param value the value as given (not yet normalised or checked)
   * @param source the source that won
   * @param origin that source in words: {@code --credentials-file /home/me/api.txt}, {@code PLUGBOARD_X_TOKEN}
   * @param overridden the other sources that gave this field too, and lost
   */
  record Given(String value, ValueSource source, String origin, List<String> overridden) {

    Given {
      overridden = List.copyOf(overridden);
    }

    @Override
    public String toString() {
      return "Given[from " + origin + "]";
    }
  }

  /** The raw values by field id, for the format phase. */
  Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    values.forEach((id, given) -> map.put(id, given.value()));
    return map;
  }

  /** One line per field a lower source also gave, saying which source won; no values. */
  List<String> overrideNotes() {
    List<String> notes = new ArrayList<>();
    values.forEach((id, given) -> {
      if (!given.overridden().isEmpty()) {
        notes.add(id + ": using " + given.origin() + " over " + String.join(", ", given.overridden()));
      }
    });
    return notes;
  }

  /** These values with {@code more} added for the fields that have none yet. */
  GivenValues plus(Map<String, Given> more, ConnectorDescriptor descriptor) {
    Map<String, Given> all = new LinkedHashMap<>();
    for (Field field : descriptor.fields()) {
      Given given = values.containsKey(field.id()) ? values.get(field.id()) : more.get(field.id());
      if (given != null) {
        all.put(field.id(), given);
      }
    }
    Map<String, String> stillBlank = new LinkedHashMap<>(givenBlank);
    stillBlank.keySet().removeAll(all.keySet());
    return new GivenValues(connector, all, stillBlank);
  }

  @Override
  public String toString() {
    return "GivenValues[" + connector + ", " + values + "]";
  }

  static Builder builder(ConnectorDescriptor descriptor) {
    return new Builder(descriptor);
  }

  /** Collects each source's values, then keeps for each field the value of the highest source. */
  static final class Builder {
    private final ConnectorDescriptor descriptor;
    private final List<Offer> offers = new ArrayList<>();
    private final Map<String, String> blanks = new LinkedHashMap<>();

    private record Offer(String fieldId, Given given) {}

    private Builder(ConnectorDescriptor descriptor) {
      this.descriptor = descriptor;
    }

    /**
     * Adds what {@code origin} gives. Blank values count as not given, so that a lower source or
     * the prompt may fill them; where nothing does, the message names the source that gave it blank.
     */
    Builder add(ValueSource source, String origin, Map<String, String> given) {
      given.forEach((id, value) -> {
        if (value != null && !value.isBlank()) {
          offers.add(new Offer(id, new Given(value, source, origin, List.of())));
        } else if (value != null) {
          blanks.putIfAbsent(id, origin);
        }
      });
      return this;
    }

    GivenValues build() {
      Map<String, Given> chosen = new LinkedHashMap<>();
      for (Field field : descriptor.fields()) {
        List<Given> forField = offers.stream().filter(o -> o.fieldId().equals(field.id())).map(Offer::given)
            .sorted(Comparator.comparing(Given::source)).toList();
        if (!forField.isEmpty()) {
          Given winner = forField.get(0);
          List<String> losers = forField.subList(1, forField.size()).stream().map(Given::origin).toList();
          chosen.put(field.id(), new Given(winner.value(), winner.source(), winner.origin(), losers));
        }
      }
      Map<String, String> blank = new LinkedHashMap<>(blanks);
      blank.keySet().removeAll(chosen.keySet());
      return new GivenValues(descriptor.id(), chosen, blank);
    }
  }
}
