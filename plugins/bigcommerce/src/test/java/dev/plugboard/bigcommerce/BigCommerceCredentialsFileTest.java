package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.testing.TestHost;
import dev.plugboard.host.internal.form.CredentialsFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The .txt file BigCommerce downloads with a new API account, in the shapes seen so far
 * (notes/bigcommerce-api.md §8), read with the labels the descriptor declares.
 */
final class BigCommerceCredentialsFileTest {

  static final String TOKEN = "canarytokenqwertyuiopasdfghjklz";
  static final String CLIENT_ID = "0123456789abcdefghijklmnopqrstu";
  static final String SECRET = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7";
  static final String API_PATH = "https://api.bigcommerce.com/stores/abc123/v3/";
  static final Map<String, String> EXPECTED =
      Map.of("api_path", API_PATH, "access_token", TOKEN, "client_id", CLIENT_ID, "client_secret", SECRET);

  @RegisterExtension static final TestHost host = BigCommerceFormFixture.host();
  @TempDir static Path dir;
  static ConnectorDescriptor bigcommerce;

  @BeforeAll
  static void load() {
    bigcommerce = host.plugboard().describe("bigcommerce");
  }

  @Test
  void bigCommercesDocumentedExampleGivesTheFourValues() throws IOException {
    Path file = write("documented.txt", """
        ACCESS TOKEN: xxxxalphanumstringxxxx
        CLIENT NAME: products read-write
        API PATH: https://api.bigcommerce.com/stores/123456/v3/
        CLIENT ID: xxxxdifferentalphanumstringxxxx
        CLIENT SECRET: xxxxhexadecimalstringxxxx
        """);

    assertThat(CredentialsFileReader.read(bigcommerce, file)).containsExactly(
        Map.entry("api_path", "https://api.bigcommerce.com/stores/123456/v3/"),
        Map.entry("access_token", "xxxxalphanumstringxxxx"),
        Map.entry("client_id", "xxxxdifferentalphanumstringxxxx"),
        Map.entry("client_secret", "xxxxhexadecimalstringxxxx"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realFiles")
  void eachLabelOrderSeenInRealFilesGivesTheFourValuesThatPassTheFormatPhase(String shape, String text) throws IOException {
    Map<String, String> values = CredentialsFileReader.read(bigcommerce, write(shape + ".txt", text));

    assertThat(values).isEqualTo(EXPECTED);
    assertThat(host.plugboard().checkFormat("bigcommerce", values)).extracting(FieldCheck::status).containsOnly(FieldCheck.Status.OK);
  }

  static Stream<Arguments> realFiles() {
    String docsOrder = "ACCESS TOKEN: " + TOKEN + "\nCLIENT NAME: Plugboard\nAPI PATH: " + API_PATH
        + "\nCLIENT ID: " + CLIENT_ID + "\nCLIENT SECRET: " + SECRET + "\n";
    return Stream.of(
        Arguments.of("the documented order", docsOrder),
        Arguments.of("CLIENT NAME and NAME, API PATH last", "ACCESS TOKEN: " + TOKEN + "\nCLIENT NAME: Plugboard\nCLIENT ID: "
            + CLIENT_ID + "\nCLIENT SECRET: " + SECRET + "\nNAME: Plugboard\nAPI PATH: " + API_PATH + "\n"),
        Arguments.of("NAME only, API PATH last", "ACCESS TOKEN: " + TOKEN + "\nCLIENT ID: " + CLIENT_ID
            + "\nCLIENT SECRET: " + SECRET + "\nNAME: Plugboard\nAPI PATH: " + API_PATH),
        Arguments.of("Windows line endings", docsOrder.replace("\n", "\r\n")),
        Arguments.of("a byte-order mark", "\uFEFF" + docsOrder),
        Arguments.of("other letter cases and loose spaces", docsOrder.replace("ACCESS TOKEN:", "access token:")
            .replace("API PATH:", "  Api Path  :  ").replace("CLIENT SECRET:", "Client  Secret:")));
  }

  private static Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
