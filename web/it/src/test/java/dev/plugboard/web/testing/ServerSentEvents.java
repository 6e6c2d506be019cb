package dev.plugboard.web.testing;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A {@code text/event-stream} body read back: each event's name and its one line of JSON. */
public final class ServerSentEvents {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  public record Event(String name, String data) {
    public JsonNode json() {
      return MAPPER.readTree(data);
    }
  }

  private ServerSentEvents() {}

  public static List<Event> parse(String body) {
    List<Event> events = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      if (block.isBlank()) {
        continue;
      }
      String[] lines = block.split("\n");
      if (lines.length != 2 || !lines[0].startsWith("event: ") || !lines[1].startsWith("data: ")) {
        throw new AssertionError("not one event name and one line of data: " + block);
      }
      events.add(new Event(lines[0].substring(7), lines[1].substring(6)));
    }
    return events;
  }

  public static List<String> names(List<Event> events) {
    return events.stream().map(Event::name).toList();
  }

  public static List<Event> named(List<Event> events, String name) {
    return events.stream().filter(event -> event.name().equals(name)).toList();
  }
}
