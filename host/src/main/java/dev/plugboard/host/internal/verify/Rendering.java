package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Field;
import dev.plugboard.api.descriptor.GuideStep;
import dev.plugboard.api.descriptor.Remediation;
import dev.plugboard.api.descriptor.Scope;
import dev.plugboard.api.descriptor.Template;
import dev.plugboard.host.Account;
import dev.plugboard.host.PlugboardException;
import dev.plugboard.host.internal.form.CheckedValues;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fills a descriptor's templates: {@code {field}} and {@code {field.part}} from the checked
 * values, {@code {account.key}} from the identity call, {@code {scope.*}} in remediations.
 * Values going into a path are percent-encoded, so that an account value from the platform's
 * answer cannot reach another path.
 */
final class Rendering {

  private final ConnectorDescriptor descriptor;
  private final CheckedValues values;

  Rendering(ConnectorDescriptor descriptor, CheckedValues values) {
    this.descriptor = descriptor;
    this.values = values;
  }

  /** The base URL, as written: its values are an address the format phase checked. */
  String baseUrl() {
    return parse(descriptor.http().baseUrl(), "http.baseUrl").render(values::placeholder);
  }

  /** A header value; may hold a secret, so it never goes into a message. */
  String header(String name, String template) {
    return parse(template, "http.headers." + name).render(values::placeholder);
  }

  /** Whether the header names a secret field, which makes it a credential header. */
  boolean namesSecret(String template) {
    return parse(template, "header").placeholders().stream()
        .map(Template::nameOf)
        .map(descriptor::field)
        .flatMap(Optional::stream)
        .anyMatch(Field::secret);
  }

  /**
   * A call's path, every value percent-encoded.
   *
   * @throws MissingValue when it names an account value the identity call did not give
   */
  String path(String template, Account account) {
    return parse(template, "path").render(name -> encode(value(name, account, null)));
  }

  /**
   * A remediation or message text, with the scope it is about (or {@code null}); an account value
   * nobody gave shows as {@code <account.key>}.
   */
  String text(String template, Account account, Scope scope) {
    return parse(template, "text").render(name -> {
      try {
        return value(name, account, scope);
      } catch (MissingValue unknown) {
        return "<" + name + ">";
      }
    });
  }

  /** A remediation's text with the guide step it points to: {@code ... (guide step 6: Set the OAuth scopes)}. */
  String remediation(Remediation remediation, Account account, Scope scope) {
    String text = text(remediation.text(), account, scope);
    Integer step = remediation.guideStep();
    if (step == null) {
      return text;
    }
    GuideStep guideStep = descriptor.guide().steps().get(step - 1);
    return text + " (guide step " + step + ": " + guideStep.title() + ")";
  }

  /** Whether {@code template} can be filled in: every account value it names is known. */
  boolean canRender(String template, Account account) {
    return parse(template, "template").placeholders().stream()
        .noneMatch(name -> name.startsWith("account.") && !account.values().containsKey(name.substring(8)));
  }

  private String value(String name, Account account, Scope scope) {
    if (name.startsWith("account.")) {
      String value = account.values().get(name.substring("account.".length()));
      if (value == null) {
        throw new MissingValue(name);
      }
      return value;
    }
    if (name.startsWith("scope.") && scope != null) {
      return switch (name) {
        case "scope.name" -> scope.name();
        case "scope.permission" -> scope.permission();
        case "scope.id" -> scope.id();
        default -> throw new MissingValue(name);
      };
    }
    return values.placeholder(name);
  }


  private static Template parse(String template, String where) {
    return Template.parse(template, where);
  }

  /** RFC 3986 unreserved characters stay; everything else becomes %XX of its UTF-8 bytes. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** A template names a value nobody gave: an account value the identity call did not return. */
  static final class MissingValue extends PlugboardException {
    MissingValue(String placeholder) {
      super("{" + placeholder + "} has no value: the identity call did not give it and the descriptor has no default");
    }
  }
}
