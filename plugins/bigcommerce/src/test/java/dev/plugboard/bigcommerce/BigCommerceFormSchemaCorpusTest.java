package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.FormSchemaAgreement;
import dev.plugboard.host.testing.TestHost;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A web form that validates with {@code plugboard form bigcommerce --format json-schema} agrees
 * with the host: over a corpus of good and bad values, each value is accepted by both or refused
 * by both. The schema is given what the form submits (values after the field's clean-ups, empty
 * ones left out); the host is given the value as typed. Each value replaces one of a good set.
 */
final class BigCommerceFormSchemaCorpusTest {

  static final String PATH = "https://api.bigcommerce.com/stores/abc123/v3/";
  static final Map<String, String> GOOD = Map.of(
      "api_path", PATH,
      "access_token", "abcdefghijklmnopqrstuvwxyz01234",
      "client_id", "0123456789abcdefghijklmnopqrstu",
      "client_secret", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

  @RegisterExtension static final TestHost bigcommerce = BigCommerceFormFixture.host();
  static FormSchemaAgreement agreement;

  @BeforeAll
  static void load() {
    agreement = new FormSchemaAgreement(bigcommerce.plugboard(), "bigcommerce");
  }

  @ParameterizedTest(name = "{0} {3}: {1}")
  @MethodSource("corpus")
  void theSchemaAndTheHostAgreeOnEachValue(String field, String label, String value, String verdict) {
    assertThat(agreement.agreedVerdict(GOOD, field, value)).as(label).isEqualTo(verdict);
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        accepted("api_path", "the documented API Path", PATH),
        accepted("api_path", "a v2 path", "https://api.bigcommerce.com/stores/abc123/v2/"),
        accepted("api_path", "no final slash", "https://api.bigcommerce.com/stores/abc123/v3"),
        accepted("api_path", "upper-case scheme and host", "HTTPS://API.BigCommerce.COM/stores/abc123/v3/"),
        accepted("api_path", "the default port written", "https://api.bigcommerce.com:443/stores/abc123/v3/"),
        accepted("api_path", "spaces around", "  " + PATH + " \n"),
        accepted("api_path", "pasted in quotes", "\"" + PATH + "\""),
        accepted("api_path", "a 16-character hash", "https://api.bigcommerce.com/stores/abcdefgh12345678/v3/"),
        refused("api_path", "empty", ""),
        refused("api_path", "blank", " \t "),
        refused("api_path", "plain http", "http://api.bigcommerce.com/stores/abc123/v3/"),
        refused("api_path", "a query", PATH + "?x=1"),
        refused("api_path", "an empty query", PATH + "?"),
        refused("api_path", "a fragment", PATH + "#x"),
        refused("api_path", "user info", "https://api.bigcommerce.com@evil.example/stores/abc123/v3/"),
        refused("api_path", "another port", "https://api.bigcommerce.com:8443/stores/abc123/v3/"),
        refused("api_path", "a zero-padded port", "https://api.bigcommerce.com:0443/stores/abc123/v3/"),
        refused("api_path", "an empty port", "https://api.bigcommerce.com:/stores/abc123/v3/"),
        refused("api_path", "an IP address", "https://104.16.0.1/stores/abc123/v3/"),
        refused("api_path", "a Cyrillic look-alike host", "https://\u0430pi.bigcommerce.com/stores/abc123/v3/"),
        refused("api_path", "a punycode host", "https://xn--pi-6kc.bigcommerce.com/stores/abc123/v3/"),
        refused("api_path", "a trailing dot on the host", "https://api.bigcommerce.com./stores/abc123/v3/"),
        refused("api_path", "the host as a prefix", "https://api.bigcommerce.com.evil.example/stores/abc123/v3/"),
        refused("api_path", "the host in the path", "https://evil.example/api.bigcommerce.com/stores/abc123/v3/"),
        refused("api_path", "no scheme", "api.bigcommerce.com/stores/abc123/v3/"),
        refused("api_path", "scheme-relative", "//api.bigcommerce.com/stores/abc123/v3/"),
        refused("api_path", "an upper-case hash", "https://api.bigcommerce.com/stores/ABC123/v3/"),
        refused("api_path", "a store- prefix", "https://api.bigcommerce.com/stores/store-abc123/v3/"),
        refused("api_path", "a 4-character hash", "https://api.bigcommerce.com/stores/abc1/v3/"),
        refused("api_path", "a 17-character hash", "https://api.bigcommerce.com/stores/abcdefgh123456789/v3/"),
        refused("api_path", "a percent-encoded hash", "https://api.bigcommerce.com/stores/%61bc123/v3/"),
        refused("api_path", "v4", "https://api.bigcommerce.com/stores/abc123/v4/"),
        refused("api_path", "a double slash", "https://api.bigcommerce.com/stores/abc123/v3//"),
        refused("api_path", "a NUL at the end", PATH + "\u0000"),
        refused("api_path", "a zero-width space", "https://api.bigcommerce.com/stores/abc\u200b123/v3/"),
        refused("api_path", "5000 characters", "https://api.bigcommerce.com/stores/" + "a".repeat(5000) + "/v3/"),
        accepted("access_token", "31 characters", "abcdefghijklmnopqrstuvwxyz01234"),
        accepted("access_token", "20 characters", "a".repeat(20)),
        accepted("access_token", "64 characters", "a".repeat(64)),
        accepted("access_token", "in single quotes with spaces", " 'abcdefghijklmnopqrstuvwxyz01234' "),
        accepted("access_token", "after a non-breaking space", "\u00a0abcdefghijklmnopqrstuvwxyz01234"),
        refused("access_token", "19 characters", "a".repeat(19)),
        refused("access_token", "65 characters", "a".repeat(65)),
        refused("access_token", "upper case", "ABCDEFGHIJKLMNOPQRSTUVWXYZ01234"),
        refused("access_token", "a space inside", "abcdefghijklmno pqrstuvwxyz01234"),
        refused("access_token", "a NUL inside", "abcdefghijklmno\u0000pqrstuvwxyz01234"),
        refused("access_token", "a right-to-left override", "abcdefghijklmno\u202epqrstuvwxyz01234"),
        refused("access_token", "mismatched quotes", "\"abcdefghijklmnopqrstuvwxyz01234'"),
        refused("access_token", "one megabyte", "a".repeat(1_000_000)),
        refused("access_token", "empty", ""),
        accepted("client_id", "31 characters", "0123456789abcdefghijklmnopqrstu"),
        refused("client_id", "a dash", "01234567-89abcdefghijklmnopqrst"),
        refused("client_id", "an escape sequence", "0123456789abcdefghijklmnopqrstu\u001b[0m"),
        accepted("client_secret", "64 hex digits", "f".repeat(64)),
        accepted("client_secret", "32 hex digits", "0".repeat(32)),
        accepted("client_secret", "128 hex digits", "a".repeat(128)),
        refused("client_secret", "upper-case hex", "ABCDEF0123456789ABCDEF0123456789"),
        refused("client_secret", "a g", "g" + "0".repeat(63)),
        refused("client_secret", "129 hex digits", "a".repeat(129)),
        refused("client_secret", "blank", "   "));
  }

  private static Arguments accepted(String field, String label, String value) {
    return Arguments.of(field, label, value, "accepted");
  }

  private static Arguments refused(String field, String label, String value) {
    return Arguments.of(field, label, value, "refused");
  }
}
