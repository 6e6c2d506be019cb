package dev.plugboard.host.internal.plugins;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.internal.json.Mappers;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds the records of a plain, valid YAML descriptor straight from SnakeYAML Engine's events
 * (what Jackson's YAML reads underneath), without Jackson's mapper and deserializers: most of a
 * cold start's descriptor reading. It only ever answers for a file it is sure Jackson reads to the
 * same records: today's format, no anchors, aliases or tags, every key a record component, every
 * value of its component's type without coercion, every constructor content. Anything else (any
 * defect above all) gets no answer, and {@link DescriptorReader} reads the file Jackson's way,
 * which reports every defect at its line and column.
 */
final class QuickDescriptors {

  private static final LoadSettings SETTINGS = Mappers.yamlLoadSettings();

  /** How Jackson's YAML parser tells a scalar's type: text, number, boolean or null. */
  private static final ScalarResolver TYPES = SETTINGS.getSchema().getScalarResolver();

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  /** Nothing this class reads: a file it does not answer for. Thrown often, so without a stack trace. */
  private static final class Unanswered extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Unanswered INSTANCE = new Unanswered();

    private Unanswered() {
      super(null, null, false, false);
    }
  }

  /** One record type: its components and canonical constructor. */
  private record Shape(RecordComponent[] components, Map<String, Integer> index, Constructor<?> constructor) {}

  /** A scalar as the file wrote it, and its type as Jackson's YAML parser resolves it. */
  private record Scalar(String value, Tag type) {}

  private static final String FORMAT_11 = "1.1";

  private QuickDescriptors() {}

  /** Whether a file uses {@code http.rateLimit.burst}, which format 1.3 added. */
  private static boolean usesWhatFormat13Added(Map<?, ?> keys) {
    return keys.get("http") instanceof Map<?, ?> http && http.get("rateLimit") instanceof Map<?, ?> rateLimit
        && rateLimit.containsKey("burst");
  }

  /**
   * The descriptor in {@code content}, when the file is plain YAML of today's format that loads
   * as it is; empty for anything else, to be read (and its defects reported) Jackson's way.
   */
  static Optional<ConnectorDescriptor> read(String resource, byte[] content) {
    if (resource.endsWith(".json")) {
      return Optional.empty();
    }
    try {
      Object root = tree(text(content));
      if (!(root instanceof Map<?, ?> keys) || !(keys.get("format") instanceof Scalar format)) {
        return Optional.empty(); // format 1.0: the upgrade and its checks are Jackson's way
      }
      if (format.value().equals(FORMAT_11) && !usesWhatFormat13Added(keys)) {
        // 1.1 is today's format without what 1.3 added: read as it is, with today's number
        @SuppressWarnings("unchecked")
        Map<Object, Object> upgraded = new LinkedHashMap<>((Map<Object, Object>) keys);
        upgraded.put("format", new Scalar(ConnectorDescriptor.FORMAT, format.type()));
        root = upgraded;
      } else if (!format.value().equals(ConnectorDescriptor.FORMAT)) {
        return Optional.empty(); // another format, or 1.1 using a later key: Jackson's way says what is wrong
      }
      return Optional.of((ConnectorDescriptor) value(root, ConnectorDescriptor.class, 0));
    } catch (Unanswered | YamlEngineException e) {
      return Optional.empty();
    }
  }

  /**
   * The connector id a descriptor gives, found without reading the rest: the value of the first
   * top-level {@code id} key, which for a valid descriptor (one {@code id}: a second is a defect)
   * is always the id it loads with. Empty when that is not certain (the file is not plain YAML up
   * to there, the id is no text, or it is JSON): such a file has to be read to know its id.
   */
  static Optional<String> id(String resource, byte[] content) {
    if (resource.endsWith(".json")) {
      return Optional.empty();
    }
    try {
      ParserImpl parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text(content)));
      expect(parser.next(), Event.ID.StreamStart);
      expect(parser.next(), Event.ID.DocumentStart);
      expect(parser.next(), Event.ID.MappingStart);
      for (Event key = parser.next(); key.getEventId() != Event.ID.MappingEnd; key = parser.next()) {
        boolean isId = node(parser, key, 1) instanceof Scalar name && name.value().equals("id");
        Object value = node(parser, parser.next(), 1);
        if (isId) {
          return value instanceof Scalar id && id.type() == Tag.STR ? Optional.of(id.value()) : Optional.empty();
        }
      }
      return Optional.empty();
    } catch (Unanswered | YamlEngineException e) {
      return Optional.empty();
    }
  }

  /** Prepares the record shapes of a descriptor and the YAML parser, for {@link DescriptorReader#prepareInBackground}. */
  static void prepare() {
    shape(ConnectorDescriptor.class);
    try {
      tree("format: '0'\nid: a\nfields:\n  - {id: b}\n");
    } catch (Unanswered | YamlEngineException e) {
      // not for this: the sample is well-formed
    }
  }

  private static String text(byte[] content) {
    if (content.length > 0 && (content[0] == (byte) 0xEF || content[0] == (byte) 0xFE || content[0] == (byte) 0xFF
        || content[0] == 0)) {
      throw Unanswered.INSTANCE; // a byte-order mark or UTF-16/32: Jackson's way
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw Unanswered.INSTANCE;
    }
  }

  /** The single document of {@code text}: maps of keys in file order, lists and scalars. */
  private static Object tree(String text) {
    ParserImpl parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text));
    expect(parser.next(), Event.ID.StreamStart);
    expect(parser.next(), Event.ID.DocumentStart);
    Object root = node(parser, parser.next(), 0);
    expect(parser.next(), Event.ID.DocumentEnd);
    expect(parser.next(), Event.ID.StreamEnd);
    return root;
  }

  private static Object node(ParserImpl parser, Event event, int depth) {
    if (depth > Mappers.MAX_NESTING || event instanceof AliasEvent
        || (event instanceof NodeEvent node && node.getAnchor().isPresent())
        || (event instanceof CollectionStartEvent collection && collection.getTag().isPresent())) {
      throw Unanswered.INSTANCE;
    }
    if (event instanceof ScalarEvent scalar) {
      if (scalar.getTag().isPresent() || scalar.getValue().length() > Mappers.MAX_STRING) {
        throw Unanswered.INSTANCE;
      }
      return new Scalar(scalar.getValue(), TYPES.resolve(scalar.getValue(), scalar.getImplicit().canOmitTagInPlainScalar()));
    }
    if (event instanceof SequenceStartEvent) {
      List<Object> items = new ArrayList<>();
      for (Event next = parser.next(); next.getEventId() != Event.ID.SequenceEnd; next = parser.next()) {
        items.add(node(parser, next, depth + 1));
      }
      return items;
    }
    if (event instanceof MappingStartEvent) {
      Map<String, Object> keys = new LinkedHashMap<>();
      for (Event next = parser.next(); next.getEventId() != Event.ID.MappingEnd; next = parser.next()) {
        if (!(node(parser, next, depth + 1) instanceof Scalar key)
            || keys.put(key.value(), node(parser, parser.next(), depth + 1)) != null) {
          throw Unanswered.INSTANCE; // a key that is no text, or one given twice
        }
      }
      return keys;
    }
    throw Unanswered.INSTANCE;
  }

  private static void expect(Event event, Event.ID id) {
    if (event.getEventId() != id) {
      throw Unanswered.INSTANCE;
    }
  }

  /**
   * {@code node} as a value of {@code type}, as Jackson's strict mapper reads it. Only text is
   * taken as text: Jackson writes a number or a boolean its own way ({@code 1.10} as {@code 1.1}).
   */
  private static Object value(Object node, Type type, int depth) {
    if (type instanceof ParameterizedType generic && generic.getRawType() == Optional.class) {
      return Optional.of(value(node, generic.getActualTypeArguments()[0], depth)); // a key given: present
    }
    if (type == OptionalInt.class) {
      return OptionalInt.of((Integer) value(node, Integer.class, depth));
    }
    if (node instanceof Scalar scalar) {
      return scalar(scalar, type);
    }
    if (type instanceof Class<?> record && record.isRecord() && node instanceof Map<?, ?> keys) {
      return record(shape(record), keys, depth);
    }
    if (type instanceof ParameterizedType generic && generic.getRawType() == List.class && node instanceof List<?> items) {
      List<Object> values = new ArrayList<>();
      items.forEach(item -> values.add(value(item, generic.getActualTypeArguments()[0], depth + 1)));
      return values;
    }
    if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class
        && generic.getActualTypeArguments()[0] == String.class && node instanceof Map<?, ?> keys) {
      Map<String, Object> values = new LinkedHashMap<>();
      keys.forEach((key, item) -> values.put((String) key, value(item, generic.getActualTypeArguments()[1], depth + 1)));
      return values;
    }
    throw Unanswered.INSTANCE;
  }

  private static Object scalar(Scalar scalar, Type type) {
    String text = scalar.value();
    if (type == String.class && scalar.type() == Tag.STR) {
      return text;
    }
    if ((type == Boolean.class || type == boolean.class) && scalar.type() == Tag.BOOL
        && (text.equals("true") || text.equals("false"))) {
      return Boolean.valueOf(text);
    }
    if (type == Integer.class && scalar.type() == Tag.INT && text.matches("0|[1-9][0-9]{0,8}")) {
      return Integer.valueOf(text);
    }
    if (type instanceof Class<?> enumType && enumType.isEnum() && scalar.type() == Tag.STR) {
      for (Object constant : enumType.getEnumConstants()) {
        if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
          return constant;
        }
      }
    }
    throw Unanswered.INSTANCE;
  }

  private static Object record(Shape shape, Map<?, ?> keys, int depth) {
    Object[] arguments = new Object[shape.components().length];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = shape.components()[i].getType() == boolean.class ? Boolean.FALSE : null;
    }
    keys.forEach((key, node) -> {
      Integer at = shape.index().get((String) key);
      if (at == null) {
        throw Unanswered.INSTANCE; // an unknown key
      }
      arguments[at] = value(node, shape.components()[at].getGenericType(), depth + 1);
    });
    try {
      return shape.constructor().newInstance(arguments);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw Unanswered.INSTANCE; // the record refuses a value: Jackson's way says where
    }
  }

  private static Shape shape(Class<?> record) {
    Shape known = SHAPES.get(record);
    if (known != null) {
      return known;
    }
    RecordComponent[] components = record.getRecordComponents();
    Map<String, Integer> index = new LinkedHashMap<>();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      index.put(components[i].getName(), i);
      types[i] = components[i].getType();
    }
    try {
      Shape shape = new Shape(components, index, record.getDeclaredConstructor(types));
      SHAPES.put(record, shape);
      for (RecordComponent component : components) {
        prepareNested(component.getGenericType());
      }
      return shape;
    } catch (NoSuchMethodException e) {
      throw Unanswered.INSTANCE;
    }
  }

  private static void prepareNested(Type type) {
    if (type instanceof Class<?> nested && nested.isRecord() && !SHAPES.containsKey(nested)) {
      shape(nested);
    } else if (type instanceof ParameterizedType generic) {
      for (Type argument : generic.getActualTypeArguments()) {
        prepareNested(argument);
      }
    }
  }
}
