package dev.plugboard.api.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code {placeholders}}: {@code {field}} for a field's value, {@code {field.part}} for a
 * part derived from it, {@code {account.key}} for a value the identity call returned and, in
 * remediations, {@code {scope.name}}, {@code {scope.permission}} and {@code {scope.id}}.
 *
 * @param source the text as written in the descriptor
 * @param placeholders the names between braces, in order of appearance
 */
public record Template(String source, List<String> placeholders) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?");

  public Template {
    placeholders = List.copyOf(placeholders);
  }

  /** Parses {@code source}; {@code name} says where it stands in the descriptor, for messages. */
  public static Template parse(String source, String name) {
    List<String> names = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(source);
    int end = 0;
    while (matcher.find()) {
      checkNoStrayBrace(source.substring(end, matcher.start()), source, name);
      String placeholder = matcher.group(1);
      if (!NAME.matcher(placeholder).matches()) {
        throw new InvalidDescriptorException(
            name + " has a placeholder {" + placeholder + "}; write {field} or {field.part}: " + source);
      }
      names.add(placeholder);
      end = matcher.end();
    }
    checkNoStrayBrace(source.substring(end), source, name);
    return new Template(source, names);
  }

  /** The name a placeholder starts with: the field's id in {@code {api_path.store_hash}}, or {@code account}. */
  public static String nameOf(String placeholder) {
    int dot = placeholder.indexOf('.');
    return dot < 0 ? placeholder : placeholder.substring(0, dot);
  }

  /** The part a placeholder names after the dot ({@code store_hash}), if it names one. */
  public static Optional<String> partOf(String placeholder) {
    int dot = placeholder.indexOf('.');
    return dot < 0 ? Optional.empty() : Optional.of(placeholder.substring(dot + 1));
  }

  /** The text with each placeholder replaced by {@code values.apply(name)}. */
  public String render(Function<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(source);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(values.apply(matcher.group(1))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static void checkNoStrayBrace(String text, String source, String name) {
    if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
      throw new InvalidDescriptorException(name + " has an unmatched { or }: " + source);
    }
  }
}
