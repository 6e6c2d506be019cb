package dev.plugboard.host.internal.verify;

import dev.plugboard.api.descriptor.Auth;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Credentials;

/**
 * Fills a descriptor's templates: {@code {field}} and {@code {field.part}} from the checked
 * values, {@code {account.key}} from the identity call, {@code {scope.*}} in remediations.
 * Values going into a path are percent-encoded, so that an account value from the platform's
 * answer cannot reach another path.
 */
final class Rendering {

  private final ConnectorDescriptor descriptor;
  private final CheckedValues values;
  private final Templates templates;

  /** @param templates {@code descriptor}'s templates, parsed once for all its verifications */
  Rendering(ConnectorDescriptor descriptor, CheckedValues values, Templates templates) {
    this.descriptor = descriptor;
    this.values = values;
    this.templates = templates;
  }

  /** A rendering outside any verification (its templates parsed for it alone). */
  Rendering(ConnectorDescriptor descriptor, CheckedValues values) {
    this(descriptor, values, new Templates());
  }

  /** The base URL, as written: its values are an address the format phase checked. */
  String baseUrl() {
    return parse(descriptor.http().baseUrl(), "http.baseUrl").render(values::placeholder);
  }

  /** A header value; may hold a secret, so it never goes into a message. */
  private String header(String name, String template) {
    return parse(template, "http.headers." + name).render(values::placeholder);
  }

  /** Whether the header names a secret field, which makes it a credential header. */
  private boolean namesSecret(String template) {
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
    return parse(template, "path").render(name -> segment(name, value(name, account, null)));
  }

  /**
   * A value as one path segment: percent-encoded, and never a segment that means "this folder" or
   * "the folder above" ({@code .}, {@code ..}, or nothing), which would move the call elsewhere.
   */
  private static String segment(String name, String value) {
    String stripped = value.replace("%2e", ".").replace("%2E", ".");
    if (stripped.isEmpty() || stripped.chars().allMatch(c -> c == '.')) {
      throw new MissingValue(name, value.isEmpty() ? "is empty" : "is " + value.length() + " dots, which a path would"
          + " read as a folder move");
    }
    return encode(value);
  }

  /**
   * A remediation or message text, with the scope it is about (or {@code null}); an account value
   * nobody gave shows as {@code <account.key>}.
   */
  String text(String template, Account account, Scope scope) {
    return text(template, account, scope, Map.of());
  }

  /** A text that may also name {@code extra} values, such as {@code {excess.ids}}. */
  String text(String template, Account account, Scope scope, Map<String, String> extra) {
    return parse(template, "text").render(name -> {
      if (extra.containsKey(name)) {
        return extra.get(name);
      }
      try {
        return value(name, account, scope);
      } catch (MissingValue unknown) {
        return "<" + name + ">";
      }
    });
  }

  /** A remediation's text with the guide step it points to: {@code ... (guide step 6: Set the OAuth scopes)}. */
  String remediation(Remediation remediation, Account account, Scope scope) {
    return remediation(remediation, account, scope, Map.of());
  }

  String remediation(Remediation remediation, Account account, Scope scope, Map<String, String> extra) {
    String text = text(remediation.text(), account, scope, extra);
    if (remediation.guideStep().isEmpty()) {
      return text;
    }
    int number = descriptor.guide().number(remediation.guideStep().get());
    GuideStep guideStep = descriptor.guide().steps().get(number - 1);
    return text + " (guide step " + number + ": " + guideStep.title() + ")";
  }

  /**
   * Every header the calls carry, rendered, in declared order: {@code http.headers}, then HTTP
   * Basic's {@code Authorization} from {@code http.auth.basic}.
   *
   * @param credential whether it names a secret field, which makes it a credential header
   */
  record Header(String name, String value, boolean credential) {
    @Override
    public String toString() {
      return "Header[" + name + (credential ? ", credential]" : "]");
    }
  }

  List<Header> headers() {
    List<Header> headers = new ArrayList<>();
    descriptor.http().headers().forEach((name, template) ->
        headers.add(new Header(name, header(name, template), namesSecret(template))));
    descriptor.http().auth().map(Auth::basic).ifPresent(basic -> {
      String username = header("Authorization", basic.username());
      String password = header("Authorization", basic.password());
      headers.add(new Header("Authorization", Credentials.basic(username, password, StandardCharsets.UTF_8), true));
    });
    return headers;
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


  private Template parse(String template, String where) {
    return templates.get(template, where);
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

    MissingValue(String placeholder, String why) {
      super("{" + placeholder + "} cannot go into the call's path: its value " + why);
    }
  }
}
