package dev.plugboard.host.internal.plugins;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.InvalidDescriptorException;
import dev.plugboard.host.internal.json.Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a connector descriptor (YAML, or JSON for a {@code .json} file) from a plugin's class
 * loader and checks it strictly. Every defect becomes a {@link PluginLoadException} naming the
 * file, the place in it ({@code fields[0].pattern}) and the line.
 */
final class DescriptorReader {

  ConnectorDescriptor read(ClassLoader loader, String resource) {
    if (resource == null || resource.isBlank()) {
      throw new PluginLoadException("its Connector extension names no descriptor file");
    }
    ObjectMapper mapper = resource.endsWith(".json") ? Mappers.strictJson() : Mappers.strictYaml();
    byte[] content = content(loader, resource);
    try {
      ConnectorDescriptor descriptor = mapper.readValue(content, ConnectorDescriptor.class);
      if (descriptor == null) {
        throw new PluginLoadException(resource + ": the file is empty");
      }
      return descriptor;
    } catch (JacksonException e) {
      throw unknownKey(resource, mapper, content).orElseGet(() ->
          new PluginLoadException(resource + ": " + describe(e, mapper, content), e));
    } catch (InvalidDescriptorException e) {
      throw unknownKey(resource, mapper, content).orElseGet(() ->
          new PluginLoadException(resource + ": " + e.getMessage(), e));
    }
  }

  /** A misspelt key is the defect to report, before whatever it made Jackson or a record say. */
  private static Optional<PluginLoadException> unknownKey(String resource, ObjectMapper mapper, byte[] content) {
    try {
      return UnknownKeys.first(mapper.readTree(content), ConnectorDescriptor.class).map(found ->
          new PluginLoadException(resource + ": " + found.message() + line(locate(mapper, content, found.pointer()))));
    } catch (JacksonException unreadable) {
      return Optional.empty(); // not even a tree: the first error says so
    }
  }

  private static byte[] content(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new PluginLoadException(resource + ": no such file in the plugin jar");
      }
      return JarEntries.readBounded(in, resource);
    } catch (IOException e) {
      throw new PluginLoadException(resource + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static String describe(JacksonException e, ObjectMapper mapper, byte[] content) {
    String where = path(e.getPath());
    String what = what(e);
    TokenStreamLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      location = locate(mapper, content, pointer(e.getPath()));
    }
    return (where.isEmpty() ? "" : where + ": ") + what + line(location);
  }

  /**
   * Where {@code pointer} starts in the file. Jackson buffers a record's properties before
   * building it, which loses the location; a second, streaming pass finds it again.
   */
  private static TokenStreamLocation locate(ObjectMapper mapper, byte[] content, String pointer) {
    if (pointer.isEmpty()) {
      return null;
    }
    try (JsonParser parser = mapper.createParser(content)) {
      while (parser.nextToken() != null) {
        if (parser.streamReadContext().pathAsPointer().toString().equals(pointer)) {
          return parser.currentTokenLocation();
        }
      }
    } catch (JacksonException unreadable) {
      // the first pass already reported what is wrong; the line is a convenience
    }
    return null;
  }

  private static String pointer(List<JacksonException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        out.append('/').append(reference.getPropertyName().replace("~", "~0").replace("/", "~1"));
      } else if (reference.getIndex() >= 0) {
        out.append('/').append(reference.getIndex());
      }
    }
    return out.toString();
  }

  private static String what(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key " + unknown.getPropertyName() + " (known keys: " + unknown.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidDescriptorException invalid) {
        return invalid.getMessage();
      }
    }
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    return message.lines().findFirst().orElse(message);
  }

  /** Jackson's path as the descriptor's author writes it: {@code scopes[3].probe}. */
  private static String path(List<JacksonException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String line(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
