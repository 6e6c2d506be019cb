package dev.plugboard.host.internal.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.ValuesException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A values file: one JSON object of values by field id, refused in words when it is anything else. */
final class ValuesFileReaderTest {

  static final ConnectorDescriptor MINIMAL = FormatPhaseTest.MINIMAL;
  static final String TOKEN = "canarytoken0123456789";

  @TempDir Path dir;

  @Test
  void anObjectOfStringsGivesItsValuesAndNullCountsAsNotGiven() throws IOException {
    Path file = write("{\"token\": \"" + TOKEN + "\", \"api_url\": null}");

    assertThat(ValuesFileReader.read(MINIMAL, file)).containsExactly(Map.entry("token", TOKEN));
  }

  @Test
  void standardInputIsReadTheSameWay() {
    ByteArrayInputStream in = new ByteArrayInputStream(("{\"token\": \"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8));

    assertThat(ValuesFileReader.read(MINIMAL, in, "values file on standard input")).containsEntry("token", TOKEN);
  }

  @Test
  void unknownKeysAreRefusedByPlaceAndAMisspeltOneWithTheFieldItMeant() throws IOException {
    Path file = write("{\"token\": \"x\",\n \"tokn\": \"x\",\n \"url\": \"y\"}");

    assertThatThrownBy(() -> ValuesFileReader.read(MINIMAL, file))
        .isInstanceOf(ValuesException.class)
        .hasMessage("values file " + file + " has 2 keys connector minimal does not have: tokn (line 2, column 2),"
            + " meant as token?, a key (line 3, column 2); its fields are api_url, token");
  }

  @Test
  void aSecretPastedAsAKeyIsNeverRepeated() throws IOException {
    Path file = write("{\"" + TOKEN + "\": \"\"}");

    assertThatThrownBy(() -> ValuesFileReader.read(MINIMAL, file))
        .hasMessage("values file " + file + " has a key connector minimal does not have: a key (line 1, column 2);"
            + " its fields are api_url, token");
  }

  @Test
  void tenThousandUnknownKeysMakeAShortMessage() throws IOException {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 10_000; i++) {
      json.append(i == 0 ? "" : ",").append("\"key").append(i).append("\": \"v\"");
    }
    Path file = write(json.append('}').toString());

    assertThatThrownBy(() -> ValuesFileReader.read(MINIMAL, file))
        .hasMessageContaining("has 10000 keys connector minimal does not have: a key (line 1, column 2), a key"
            + " (line 1, column 14), a key (line 1, column 26), and 9997 more; its fields are api_url, token")
        .message().hasSizeLessThan(300);
  }

  @Test
  void aNamedPipeIsRefusedWithoutBeingOpened() throws Exception {
    Path pipe = dir.resolve("values.json");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

    assertThatThrownBy(() -> ValuesFileReader.read(MINIMAL, pipe))
        .hasMessage("values file " + pipe + " is not a regular file (a named pipe or a device, say); give a file, or -"
            + " to read standard input");
  }

  @Test
  void standardInputIsReadUpToOneMebibyte() {
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[1024 * 1024 + 1]);

    assertThatThrownBy(() -> ValuesFileReader.read(MINIMAL, in, "values file on standard input"))
        .hasMessage("values file on standard input is larger than 1 MiB; it should hold a few lines");
  }

  @Test
  void aFileThatIsNotAJsonObjectIsRefusedSayingWhatItHolds() throws IOException {
    Path array = write("[\"" + TOKEN + "\"]");

    assertThatThrownBy(() -> ValuesFileReader.read(MINIMAL, array))
        .hasMessage("values file " + array + " must hold one JSON object of values by field id, such as"
            + " {\"api_url\": \"...\"}; it holds an array");
  }

  @Test
  void invalidJsonIsRefusedWithItsPlaceButNotItsText() throws IOException {
    Path file = write("{\n  \"token\": " + TOKEN + "\n}");

    assertThatThrownBy(() -> ValuesFileReader.read(MINIMAL, file))
        .hasMessageStartingWith("values file " + file + " is not valid JSON, or gives a key twice (line 2")
        .message().doesNotContain(TOKEN);
  }

  @Test
  void aKeyGivenTwiceIsRefused() throws IOException {
    Path file = write("{\"token\": \"" + TOKEN + "\", \"token\": \"other\"}");

    assertThatThrownBy(() -> ValuesFileReader.read(MINIMAL, file))
        .hasMessageStartingWith("values file " + file + " is not valid JSON, or gives a key twice")
        .message().doesNotContain(TOKEN);
  }

  @Test
  void aValueThatIsNotAStringIsRefusedWithoutRepeatingIt() throws IOException {
    Path file = write("{\"token\": 12345678901234}");

    assertThatThrownBy(() -> ValuesFileReader.read(MINIMAL, file))
        .hasMessage("values file " + file + ": token must be a JSON string; it is a number (line 1, column 2)")
        .message().doesNotContain("12345678901234");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    Path file = write("  \n");

    assertThatThrownBy(() -> ValuesFileReader.read(MINIMAL, file))
        .hasMessage("values file " + file + " is empty; it must hold one JSON object of values by field id, such as"
            + " {\"api_url\": \"...\"}");
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("values.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
