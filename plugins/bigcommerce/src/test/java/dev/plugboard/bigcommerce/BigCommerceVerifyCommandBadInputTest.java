package dev.plugboard.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.api.sandbox.SandboxOptions;
import dev.plugboard.cli.CliRun;
import dev.plugboard.host.testing.Canaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad input a user may hand {@code plugboard verify bigcommerce}, at the command line: exit
 * 2, a message in words that names the field (or the file) and says what is wrong and what to do,
 * never a stack trace or a secret; nothing reaches the sandbox, which is allowed and running, and
 * nothing is stored.
 */
final class BigCommerceVerifyCommandBadInputTest {

  private static final String CANARY_TOKEN = "canarytokenzzzzzzzzzzzzzzzzzzzz";
  private static final String HUGE = "canaryhuge".repeat(100_000);
  private static final String PATTERN_HINT = "API Path must be https://api.bigcommerce.com/stores/ then your store hash"
      + " (5 to 16 lowercase letters and digits, without a store- prefix), then /v3/.";

  @RegisterExtension static final BigCommerceCli cli = new BigCommerceCli();
  @TempDir static Path files;
  private static BigCommerceSandboxFixture store;
  private static Map<String, String> good;

  @BeforeAll
  static void startTheSandbox() {
    store = BigCommerceSandboxFixture.start(cli.plugins(), SandboxOptions.defaults());
    good = store.sandbox().defaults();
  }

  @AfterAll
  static void stopTheSandbox() {
    store.close();
  }

  @AfterEach
  void nothingWasSentAndNothingStored() {
    assertThat(store.exchanges()).as("requests the sandbox answered").isEmpty();
    assertThat(cli.home()).as("the home folder").isEmptyDirectory();
  }

  /** One bad input: the values given through the environment, the arguments, what the message must say. */
  record BadInput(
      String label, Map<String, String> environment, List<String> args, List<String> says, List<String> secrets) {

    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Arguments> badInputs() throws IOException {
    Path blank = write("blank.json", "{\"access_token\": \"  \\t \"}");
    Path huge = write("huge.json", "{\"access_token\": \"" + HUGE + "\"}");
    Path array = write("array.json", "[\"" + CANARY_TOKEN + "\"]");
    Path notUtf8 = files.resolve("latin1.txt");
    Files.write(notUtf8, ("ACCESS TOKEN: " + CANARY_TOKEN + "\nCLIENT NAME: Caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
    String origin = good.get("api_path").substring(0, good.get("api_path").indexOf("/stores/"));
    return Stream.of(
        bad("an empty --set client_id=", without("client_id"), List.of("--set", "client_id="),
            "no terminal to ask for Client ID (client_id, given empty by --set); give it with any of:",
            "--set client_id=...",
            "PLUGBOARD_BIGCOMMERCE_CLIENT_ID"),
        bad("a whitespace-only value in a values file", without("access_token"), List.of("--values-file", blank.toString()),
            "no terminal to ask for Access Token (access_token, given empty by --values-file " + blank + ");"
                + " give it with any of:",
            "PLUGBOARD_BIGCOMMERCE_ACCESS_TOKEN"),
        bad("a 1 MB value in a values file", without("access_token"), List.of("--values-file", huge.toString()),
            "Access Token is 1000000 characters long; the limit is 4096. Give the value alone, not a whole file or page."),
        bad("NUL in an environment variable", with("access_token", CANARY_TOKEN.substring(0, 10) + "\u0000" + CANARY_TOKEN.substring(10)), List.of(),
            "Access Token holds the control or invisible character U+0000 (NULL) at position 11; type or paste it"
                + " again without it."),
        bad("a credentials file that is not UTF-8", good, List.of("--credentials-file", notUtf8.toString()),
            "credentials file " + notUtf8 + " is not UTF-8 text (an invalid byte at offset", "save it as UTF-8"),
        bad("a credentials file that does not exist", good, List.of("--credentials-file", files.resolve("gone.txt").toString()),
            "credentials file " + files.resolve("gone.txt") + " does not exist; check the path"),
        bad("a credentials file that is a folder", good, List.of("--credentials-file", files.toString()),
            "credentials file " + files + " is a folder; give the file itself"),
        bad("a values file holding a JSON array", good, List.of("--values-file", array.toString()),
            "values file " + array + " must hold one JSON object of values by field id, such as {\"api_path\":",
            "it holds an array"),
        bad("a secret given with --set", without("access_token"), List.of("--set", "access_token=" + CANARY_TOKEN),
            "--set access_token=... is refused: Access Token is a secret, and a value on the command line stays in your"
                + " shell history and shows in the process list. Give it with --credentials-file FILE",
            "the environment variable PLUGBOARD_BIGCOMMERCE_ACCESS_TOKEN"),
        badApiPath("an API Path over http", "http://api.bigcommerce.com/stores/abc123/v3/",
            "API Path is refused: http://api.bigcommerce.com is refused: credentials travel over https only; your"
                + " Access Token would have been sent to api.bigcommerce.com (nothing was sent)."),
        badApiPath("an API Path with a query", good.get("api_path") + "?limit=1", "API Path must not hold a query (the part from ?); remove it."),
        badApiPath("an API Path with a fragment", good.get("api_path") + "#orders", "API Path must not hold a fragment (the part from #); remove it."),
        badApiPath("an API Path with user information", "https://api.bigcommerce.com@evil.example/stores/abc/v3/",
            "API Path holds user information before an @, so requests would go to evil.example whatever comes before"
                + " the @; your Access Token would have been sent to evil.example (nothing was sent)."),
        badApiPath("an API Path with another port", "https://api.bigcommerce.com:8443/stores/abc123/v3/",
            "API Path is refused: port 8443 is refused for api.bigcommerce.com: only the default https port is allowed"),
        badApiPath("an API Path naming an IP address", "https://203.0.113.7/stores/abc123/v3/",
            "API Path names the IP address 203.0.113.7 instead of a host name: 203.0.113.7 is not an allowed host"),
        badApiPath("an API Path with a Cyrillic o in bigcommerce", "https://api.bigc\u043emmerce.com/stores/abc123/v3/",
            "API Path holds U+043E (CYRILLIC SMALL LETTER O) in its host name, a letter that can imitate an ASCII one;"
                + " type the address again"),
        badApiPath("a store hash STORE-ABC", origin + "/stores/STORE-ABC/v3/", PATTERN_HINT),
        badApiPath("a store hash store-abc123", origin + "/stores/store-abc123/v3/", PATTERN_HINT),
        bad("no terminal and a value missing", without("client_secret"), List.of(),
            "no terminal to ask for Client Secret (client_secret); give it with any of:",
            "--credentials-file FILE", "(its CLIENT SECRET lines)", "--values-file FILE|-",
            "{\"client_secret\": \"...\"}", "environment variables    PLUGBOARD_BIGCOMMERCE_CLIENT_SECRET"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void aBadInputIsRefusedInWordsBeforeAnythingIsSent(BadInput input) {
    List<String> args = new ArrayList<>(List.of("--allow-host", store.sandbox().extraHost().toString(),
        "verify", "bigcommerce"));
    args.addAll(input.args());

    CliRun.Result result = cli.given(input.environment(), args.toArray(String[]::new)).run();

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.all()).contains(input.says()).doesNotContain("Exception").doesNotContain("\tat ");
    Canaries.assertNoneIn(result.all(), input.secrets());
  }

  private static Arguments badApiPath(String label, String apiPath, String... says) {
    List<String> all = new ArrayList<>(List.of(says));
    all.add("Result: invalid values (api_path): nothing was sent (exit 2)");
    return bad(label, without("api_path"), List.of("--set", "api_path=" + apiPath), all.toArray(String[]::new));
  }

  private static Arguments bad(String label, Map<String, String> environment, List<String> args, String... says) {
    List<String> secrets = new ArrayList<>(List.of(good.get("access_token"), good.get("client_secret"),
        CANARY_TOKEN, CANARY_TOKEN.substring(0, 10), CANARY_TOKEN.substring(10), "canaryhugecanaryhuge"));
    return Arguments.of(new BadInput(label, environment, args, List.of(says), secrets));
  }

  /** The sandbox's values but {@code field}. */
  private static Map<String, String> without(String field) {
    Map<String, String> values = new LinkedHashMap<>(good);
    values.remove(field);
    return values;
  }

  /** The sandbox's values with {@code field} given {@code value}. */
  private static Map<String, String> with(String field, String value) {
    Map<String, String> values = new LinkedHashMap<>(good);
    values.put(field, value);
    return values;
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(files.resolve(name), text);
  }
}
