package dev.plugboard.host.internal.form;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.host.ValuesException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the credentials file a platform hands out ({@code ACCESS TOKEN: ...} lines) with the
 * labels the descriptor's fields declare. Labels match whatever their case, order or surrounding
 * spaces, lines may end in CRLF, a byte-order mark is dropped, and lines with labels no field
 * declares (such as a {@code CLIENT NAME} line) are ignored.
 *
 * <pre>{@code
 * Map<String, String> values = CredentialsFileReader.read(descriptor, Path.of("api-account.txt"));
 * }</pre>
 */
public final class CredentialsFileReader {

  private CredentialsFileReader() {}

  /**
   * The values found, by field id, in declared order.
   *
   * @throws ValuesException when the file is missing, a folder, unreadable, not UTF-8, holds none
   *     of the declared labels, or gives one field twice
   */
  public static Map<String, String> read(ConnectorDescriptor descriptor, Path file) {
    checkLabels(descriptor);
    return parse(descriptor, TextInput.file(file, "credentials file"), "credentials file " + file.toAbsolutePath().normalize());
  }

  /** The values of a stream, such as standard input for {@code --credentials-file -}, read with the same limit. */
  public static Map<String, String> read(ConnectorDescriptor descriptor, InputStream in, String name) {
    checkLabels(descriptor);
    return parse(descriptor, TextInput.stream(in, name), name);
  }

  private static void checkLabels(ConnectorDescriptor descriptor) {
    if (labels(descriptor).isEmpty()) {
      throw new ValuesException("connector " + descriptor.id() + " declares no credentials file labels (fileLabels) to read a file with");
    }
  }

  private static Map<String, String> parse(ConnectorDescriptor descriptor, String text, String name) {
    Map<String, Field> byLabel = labels(descriptor);
    Map<String, String> found = new LinkedHashMap<>();
    Map<String, Integer> foundOnLine = new LinkedHashMap<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) {
        continue;
      }
      Field field = byLabel.get(label(lines[i].substring(0, colon)));
      if (field == null) {
        continue;
      }
      if (foundOnLine.containsKey(field.id())) {
        throw new ValuesException(name + " gives " + field.label() + " twice (lines " + foundOnLine.get(field.id())
            + " and " + (i + 1) + "); keep the line that belongs to the API account you want to use");
      }
      found.put(field.id(), Normalizer.trim(lines[i].substring(colon + 1)));
      foundOnLine.put(field.id(), i + 1);
    }
    if (found.isEmpty()) {
      throw new ValuesException(name + " holds none of the labels " + String.join(", ", byLabel.keySet())
          + descriptor.credentialsFile().map(file -> "; " + descriptor.name() + "'s credentials file is "
              + file.description().strip()).orElse(""));
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    descriptor.fields().stream().filter(f -> found.containsKey(f.id())).forEach(f -> ordered.put(f.id(), found.get(f.id())));
    return ordered;
  }

  /** Every declared label, upper-case, with the field it fills, in declared order. */
  private static Map<String, Field> labels(ConnectorDescriptor descriptor) {
    Map<String, Field> byLabel = new LinkedHashMap<>();
    for (Field field : descriptor.fields()) {
      field.fileLabels().forEach(fileLabel -> byLabel.put(label(fileLabel), field));
    }
    return byLabel;
  }

  /** {@code  Access   token } and {@code ACCESS TOKEN} are one label. */
  private static String label(String text) {
    return Normalizer.trim(text).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }
}
