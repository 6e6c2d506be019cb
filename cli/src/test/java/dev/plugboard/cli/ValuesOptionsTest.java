package dev.plugboard.cli;

import static dev.plugboard.cli.MinimalConnector.TOKEN;
import static dev.plugboard.cli.MinimalConnector.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.testing.TestHost;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The non-interactive value sources, as {@code verify} and {@code connect} parse and gather them. */
final class ValuesOptionsTest {

  static final ConnectorDescriptor MINIMAL = MinimalConnector.descriptor();

  @RegisterExtension static final TestHost host = MinimalConnector.host();

  @TempDir Path dir;

  @Command(name = "fill")
  static final class Holder {
    @Mixin ValuesOptions values;
  }

  @Test
  void whenSourcesDisagreeSetBeatsTheValuesFileWhichBeatsTheCredentialsFileWhichBeatsTheEnvironment() throws IOException {
    Path credentials = write("credentials.txt", "API URL: https://api.minimal.example/accounts/fromfile/\nTOKEN: credentialsfile0000\n");
    Path values = write("values.json", "{\"api_url\": \"https://api.minimal.example/accounts/fromjson/\", \"token\": \"valuesfile00000000\"}");
    Map<String, String> env = Map.of("PLUGBOARD_MINIMAL_API_URL", "https://api.minimal.example/accounts/fromenv/",
        "PLUGBOARD_MINIMAL_TOKEN", "environment000000");

    GivenValues all = gather(env, "--set", "api_url=" + URL, "--values-file", values.toString(),
        "--credentials-file", credentials.toString());
    GivenValues noSet = gather(env, "--values-file", values.toString(), "--credentials-file", credentials.toString());
    GivenValues fileAndEnv = gather(env, "--credentials-file", credentials.toString());
    GivenValues envOnly = gather(env);

    assertThat(all.asMap()).containsEntry("api_url", URL).containsEntry("token", "valuesfile00000000");
    assertThat(all.values().get("api_url").overridden()).containsExactly(
        "--values-file " + values, "--credentials-file " + credentials, "PLUGBOARD_MINIMAL_API_URL");
    assertThat(noSet.asMap()).containsEntry("api_url", "https://api.minimal.example/accounts/fromjson/");
    assertThat(fileAndEnv.asMap()).containsEntry("token", "credentialsfile0000");
    assertThat(envOnly.values().get("token").source()).isEqualTo(ValueSource.ENVIRONMENT);
    assertThat(all.overrideNotes()).containsExactly(
        "api_url: using --set over --values-file " + values + ", --credentials-file " + credentials + ", PLUGBOARD_MINIMAL_API_URL",
        "token: using --values-file " + values + " over --credentials-file " + credentials + ", PLUGBOARD_MINIMAL_TOKEN");
    assertThat(all.toString() + all.overrideNotes()).doesNotContain("valuesfile00000000").doesNotContain("environment000000");
  }

  @Test
  void aBlankValueCountsAsNotGivenSoALowerSourceFillsIt() throws IOException {
    Path values = write("values.json", "{\"token\": \"  \"}");

    GivenValues given = gather(Map.of("PLUGBOARD_MINIMAL_TOKEN", TOKEN), "--values-file", values.toString(), "--set", "api_url=");

    assertThat(given.asMap()).containsOnlyKeys("token").containsEntry("token", TOKEN);
  }

  @Test
  void environmentVariablesAreNamedAfterTheConnectorAndTheField() {
    ConnectorDescriptor dashed = MinimalConnector.descriptor("my-shop");

    assertThat(ValuesOptions.environmentVariable(dashed, dashed.fields().get(1))).isEqualTo("PLUGBOARD_MY_SHOP_TOKEN");
    assertThat(gather(dashed, Map.of("PLUGBOARD_MY_SHOP_TOKEN", TOKEN)).asMap()).containsEntry("token", TOKEN);
  }

  @Test
  void aSecretGivenWithSetIsRefusedSayingWhyAndHowElseToGiveIt() {
    assertThatThrownBy(() -> gather(Map.of(), "--set", "token=" + TOKEN))
        .isInstanceOf(UsageException.class)
        .hasMessage("--set token=... is refused: Token is a secret, and a value on the command line stays in your shell"
            + " history and shows in the process list. Give it with --credentials-file FILE (its TOKEN line),"
            + " --values-file FILE|- (JSON: {\"token\": \"...\"}), the environment variable PLUGBOARD_MINIMAL_TOKEN,"
            + " or type it at the prompt on a terminal.");
  }

  @Test
  void setOnAFieldTheConnectorDoesNotHaveNamesItsFieldsButNotTheNameGiven() {
    assertThatThrownBy(() -> gather(Map.of(), "--set", "url=" + URL))
        .isInstanceOf(UsageException.class)
        .hasMessage("--set FIELD=VALUE: connector minimal has no field by the name given (not repeated here: it may be"
            + " a secret); its fields are api_url, token");
  }

  @Test
  void setOnAMisspeltFieldNamesTheFieldMeant() {
    assertThatThrownBy(() -> gather(Map.of(), "--set", "api_ulr=" + URL))
        .hasMessage("--set FIELD=VALUE: connector minimal has no field by the name given (api_ulr, meant as api_url?);"
            + " its fields are api_url, token");
  }

  @Test
  void setWithoutAnEqualsSignDoesNotRepeatWhatWasTyped() {
    assertThatThrownBy(() -> gather(Map.of(), "--set", TOKEN))
        .hasMessage("--set takes FIELD=VALUE, and one --set has no =; write --set FIELD=VALUE");
  }

  @Test
  void setGivingOneFieldTwiceIsRefused() {
    assertThatThrownBy(() -> gather(Map.of(), "--set", "api_url=" + URL, "--set", "api_url=" + URL))
        .hasMessage("--set gives api_url twice; give it once");
  }

  @Test
  void valuesFileDashReadsStandardInput() {
    Holder holder = parse("--values-file", "-");
    CliEnvironment environment = environment(Map.of(), "{\"token\": \"" + TOKEN + "\"}");

    GivenValues given = holder.values.gather(host.plugboard(), MINIMAL, environment);

    assertThat(given.values().get("token").origin()).isEqualTo("--values-file - (standard input)");
    assertThat(given.asMap()).containsEntry("token", TOKEN);
  }

  @Test
  void aSourceThatCannotBeReadIsAUsageErrorNamingTheFile() throws IOException {
    Path notAnObject = write("values.json", "[\"" + TOKEN + "\"]");

    assertThatThrownBy(() -> gather(Map.of(), "--credentials-file", dir.resolve("gone.txt").toString()))
        .isInstanceOf(UsageException.class).hasMessage("credentials file " + dir.resolve("gone.txt") + " does not exist; check the path");
    assertThatThrownBy(() -> gather(Map.of(), "--credentials-file", dir.toString()))
        .isInstanceOf(UsageException.class).hasMessageContaining("is a folder");
    assertThatThrownBy(() -> gather(Map.of(), "--values-file", notAnObject.toString()))
        .isInstanceOf(UsageException.class).hasMessageContaining("must hold one JSON object").hasMessageNotContaining(TOKEN);
  }

  private GivenValues gather(Map<String, String> env, String... args) {
    return parse(args).values.gather(host.plugboard(), MINIMAL, environment(env, ""));
  }

  private static GivenValues gather(ConnectorDescriptor descriptor, Map<String, String> env) {
    return parse().values.gather(host.plugboard(), descriptor, environment(env, ""));
  }

  private static Holder parse(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder;
  }

  static CliEnvironment environment(Map<String, String> env, String stdin) {
    return new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new HashMap<>(env));
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
