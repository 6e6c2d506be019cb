package dev.plugboard.host.testing;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.descriptor.FieldKind;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.internal.form.CheckedValues;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST ONLY: {@link CheckedValues} for values known to be well-formed, with the placeholders the
 * format phase derives ({@code api_path.origin}, {@code .scheme}, {@code .host}, {@code .port}
 * and the pattern's named parts). A stand-in until verification tests run the real format phase.
 *
 * <pre>{@code
 * CheckedValues values = TestCheckedValues.of(descriptor, Map.of("api_url", "http://127.0.0.1:8080/accounts/acme/", "token", "secret123"));
 * }</pre>
 */
public final class TestCheckedValues {

  private TestCheckedValues() {}

  public static CheckedValues of(ConnectorDescriptor descriptor, Map<String, String> given) {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> placeholders = new LinkedHashMap<>();
    Set<String> secrets = new HashSet<>();
    for (Field field : descriptor.fields()) {
      String value = given.get(field.id());
      if (value == null) {
        continue;
      }
      value = value.trim();
      fields.put(field.id(), value);
      placeholders.put(field.id(), value);
      String matched = value;
      if (field.kind() == FieldKind.URL) {
        URI uri = URI.create(value);
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        placeholders.put(field.id() + ".scheme", uri.getScheme());
        placeholders.put(field.id() + ".host", uri.getHost());
        placeholders.put(field.id() + ".port", Integer.toString(port));
        placeholders.put(field.id() + ".origin",
            uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        matched = uri.getPath();
      }
      if (field.pattern() != null) {
        Matcher matcher = Pattern.compile(field.pattern()).matcher(matched);
        if (!matcher.matches()) {
          throw new IllegalArgumentException("test value for " + field.id() + " does not match its pattern");
        }
        for (int i = 0; i < field.parts().size(); i++) {
          placeholders.put(field.id() + "." + field.parts().get(i), matcher.group(i + 1));
        }
      }
      if (field.secret()) {
        secrets.add(field.id());
      }
    }
    return new CheckedValues(descriptor.id(), fields, placeholders, secrets);
  }

  /** Every declared field passed the format phase. */
  public static List<FieldCheck> allPassed(ConnectorDescriptor descriptor) {
    return descriptor.fields().stream().map(field -> new FieldCheck(field.id(), FieldCheck.Status.OK, "")).toList();
  }
}
