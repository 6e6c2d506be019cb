package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.FieldCheck.Status;
import dev.plugboard.host.testing.TestHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each bad value a BigCommerce user may hand over is refused by the format phase, before anything
 * is sent, with a message that says what is wrong and how it should look, and never a secret.
 */
final class BigCommerceFormBadInputTest {

  static final String API_PATH = "https://api.bigcommerce.com/stores/abc123/v3/";
  static final String TOKEN = "canarytokenqwertyuiopasdfghjklz";
  static final String CLIENT_ID = "0123456789abcdefghijklmnopqrstu";
  static final String SECRET = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7";
  static final String EXAMPLE = "A BigCommerce API Path looks like https://api.bigcommerce.com/stores/abc123/v3/.";

  @RegisterExtension static final TestHost bigcommerce = BigCommerceFormFixture.host();

  @Test
  void theGoodValuesPass() {
    assertThat(check(Map.of())).extracting(FieldCheck::status).containsOnly(Status.OK);
  }

  @Test
  void anEmptyValueIsMissing() {
    assertThat(field("client_id", "")).isEqualTo(new FieldCheck("client_id", Status.MISSING,
        "Client ID is missing; it is shown at step 8 of the setup guide (Copy the credentials)."));
  }

  @Test
  void aWhitespaceOnlyValueIsMissing() {
    assertThat(field("access_token", " \t\u00a0\r\n").status()).isEqualTo(Status.MISSING);
  }

  @Test
  void aOneMegabyteValueIsRefusedNamingTheLimit() {
    FieldCheck check = field("access_token", "a".repeat(1_000_000));

    assertThat(check.status()).isEqualTo(Status.INVALID);
    assertThat(check.message()).isEqualTo("Access Token is 1000000 characters long; the limit is 4096."
        + " Give the value alone, not a whole file or page.");
  }

  @Test
  void aNulCharacterIsRefusedByItsPosition() {
    FieldCheck check = field("access_token", TOKEN.substring(0, 10) + "\u0000" + TOKEN.substring(10));

    assertThat(check.message()).isEqualTo("Access Token holds the control or invisible character U+0000 (NULL)"
        + " at position 11; type or paste it again without it.");
  }

  @Test
  void controlAndInvisibleCharactersAreRefused() {
    assertThat(field("client_id", CLIENT_ID + "\u001b[31m").message()).contains("U+001B (ESCAPE) at position 32");
    assertThat(field("client_id", "0123456789\u200babcdefghijklmnopqrstu").message())
        .contains("U+200B (ZERO WIDTH SPACE) at position 11");
  }

  @Test
  void aPlainHttpApiPathIsRefusedBeforeTheTokenTravelsUnencrypted() {
    assertThat(field("api_path", "http://api.bigcommerce.com/stores/abc123/v3/").message())
        .isEqualTo("API Path is refused: http://api.bigcommerce.com is refused: credentials travel over https only;"
            + " your Access Token would have been sent to api.bigcommerce.com (nothing was sent). " + EXAMPLE);
  }

  @Test
  void anApiPathWithAQueryIsRefused() {
    assertThat(field("api_path", API_PATH + "?limit=1").message())
        .isEqualTo("API Path must not hold a query (the part from ?); remove it. " + EXAMPLE);
  }

  @Test
  void anApiPathWithAFragmentIsRefused() {
    assertThat(field("api_path", API_PATH + "#top").message())
        .isEqualTo("API Path must not hold a fragment (the part from #); remove it. " + EXAMPLE);
  }

  @Test
  void anApiPathWithUserInfoSaysTheTokenWouldHaveGoneToTheOtherHost() {
    assertThat(field("api_path", "https://api.bigcommerce.com@evil.example/stores/abc123/v3/").message())
        .isEqualTo("API Path holds user information before an @, so requests would go to evil.example whatever"
            + " comes before the @; your Access Token would have been sent to evil.example (nothing was sent). " + EXAMPLE);
  }

  @Test
  void anApiPathOnAnotherPortIsRefused() {
    assertThat(field("api_path", "https://api.bigcommerce.com:8443/stores/abc123/v3/").message())
        .isEqualTo("API Path is refused: port 8443 is refused for api.bigcommerce.com: only the default https port is"
            + " allowed; your Access Token would have been sent to api.bigcommerce.com:8443 (nothing was sent). " + EXAMPLE);
  }

  @Test
  void anApiPathOnAnIpAddressIsRefused() {
    assertThat(field("api_path", "https://104.16.0.1/stores/abc123/v3/").message())
        .startsWith("API Path names the IP address 104.16.0.1 instead of a host name: 104.16.0.1 is not an allowed host"
            + " (allowed: api.bigcommerce.com); your Access Token would have been sent to 104.16.0.1");
    assertThat(field("api_path", "https://[2606:4700::1]/stores/abc123/v3/").message())
        .startsWith("API Path names the IP address 2606:4700::1 instead of a host name");
  }

  @Test
  void anApiPathOnALookAlikeUnicodeHostIsRefusedNamingTheLetter() {
    assertThat(field("api_path", "https://\u0430pi.bigcommerce.com/stores/abc123/v3/").message())
        .isEqualTo("API Path holds U+0430 (CYRILLIC SMALL LETTER A) in its host name, a letter that can imitate an"
            + " ASCII one; type the address again; your Access Token would have been sent to xn--pi-6kc.bigcommerce.com"
            + " (nothing was sent). " + EXAMPLE);
  }

  @Test
  void anApiPathOnAPunycodeHostIsRefused() {
    assertThat(field("api_path", "https://xn--pi-6kc.bigcommerce.com/stores/abc123/v3/").message())
        .startsWith("API Path names xn--pi-6kc.bigcommerce.com, an internationalised host name that can imitate another");
  }

  @Test
  void aStoreHashOutsideLowercaseLettersAndDigitsIsRefusedInWords() {
    String expected = "API Path must be https://api.bigcommerce.com/stores/ then your store hash (5 to 16 lowercase"
        + " letters and digits, without a store- prefix), then /v3/. For example: https://api.bigcommerce.com/stores/abc123/v3/";
    for (String hash : List.of("ABC123", "store-abc123", "abc_123", "abc12%33", "ab\u00e7123")) {
      assertThat(field("api_path", "https://api.bigcommerce.com/stores/" + hash + "/v3/").message()).as(hash)
          .isEqualTo(expected);
    }
  }

  @Test
  void noMessageEverHoldsASecret() {
    for (String bad : List.of("", TOKEN + "\u0000", TOKEN.toUpperCase(), "\"" + TOKEN, TOKEN + TOKEN + TOKEN)) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("access_token", bad);
      values.put("client_secret", SECRET + "\u0007");
      for (FieldCheck check : check(values)) {
        assertThat(check.message()).doesNotContain(TOKEN).doesNotContain(TOKEN.toUpperCase()).doesNotContain(SECRET);
      }
    }
  }

  private static FieldCheck field(String id, String value) {
    return check(Map.of(id, value)).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  /** The good values with {@code changes} laid over them. */
  private static List<FieldCheck> check(Map<String, String> changes) {
    Map<String, String> values = new LinkedHashMap<>(Map.of(
        "api_path", API_PATH, "access_token", TOKEN, "client_id", CLIENT_ID, "client_secret", SECRET));
    values.putAll(changes);
    return bigcommerce.plugboard().checkFormat("bigcommerce", values);
  }
}
