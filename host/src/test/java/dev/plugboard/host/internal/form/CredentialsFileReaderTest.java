package dev.plugboard.host.internal.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.host.ValuesException;
import dev.plugboard.host.testing.TestDescriptors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform's credentials file, read with the labels the test descriptor declares ({@code API URL}, {@code TOKEN}). */
final class CredentialsFileReaderTest {

  static final ConnectorDescriptor MINIMAL = FormatPhaseTest.MINIMAL;
  static final String TOKEN = "canarytoken0123456789";

  @TempDir Path dir;

  @Test
  void labelsMatchWhateverTheirCaseOrderOrSpacesAndOtherLinesAreIgnored() throws IOException {
    Path file = write("  token :" + TOKEN + "  \nName: my token\n\nnot a label line\nApi   Url: https://api.minimal.example/accounts/acme/\n");

    assertThat(CredentialsFileReader.read(MINIMAL, file))
        .containsExactly(Map.entry("api_url", "https://api.minimal.example/accounts/acme/"), Map.entry("token", TOKEN));
  }

  @Test
  void windowsLineEndingsAndAByteOrderMarkAreTolerated() throws IOException {
    Path file = dir.resolve("windows.txt");
    Files.write(file, ("\uFEFFTOKEN: " + TOKEN + "\r\nAPI URL: https://api.minimal.example/accounts/acme/\r\n").getBytes(StandardCharsets.UTF_8));

    assertThat(CredentialsFileReader.read(MINIMAL, file))
        .containsEntry("token", TOKEN).containsEntry("api_url", "https://api.minimal.example/accounts/acme/");
  }

  @Test
  void aFileWithSomeOfTheLabelsGivesThoseValues() throws IOException {
    assertThat(CredentialsFileReader.read(MINIMAL, write("TOKEN: " + TOKEN + "\n"))).containsOnlyKeys("token");
  }

  @Test
  void aFileWithNoneOfTheLabelsSaysWhichLabelsAndWhatFileWasExpected() throws IOException {
    Path file = write("access_token=" + TOKEN + "\nCLIENT NAME: mine\n");

    assertThatThrownBy(() -> CredentialsFileReader.read(MINIMAL, file))
        .isInstanceOf(ValuesException.class)
        .hasMessage("credentials file " + file + " holds none of the labels API URL, TOKEN")
        .message().doesNotContain(TOKEN);
  }

  @Test
  void aLabelGivenTwiceIsRefusedNamingTheLines() throws IOException {
    Path file = write("TOKEN: " + TOKEN + "\nAPI URL: x\nTOKEN: other" + TOKEN + "\n");

    assertThatThrownBy(() -> CredentialsFileReader.read(MINIMAL, file))
        .hasMessageContaining("gives Token twice (lines 1 and 3)")
        .message().doesNotContain(TOKEN);
  }

  @Test
  void invalidUtf8IsRefusedWithWhereItIs() throws IOException {
    Path file = dir.resolve("latin1.txt");
    Files.write(file, ("TOKEN: caf\u00e9" + TOKEN).getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> CredentialsFileReader.read(MINIMAL, file))
        .hasMessage("credentials file " + file + " is not UTF-8 text (an invalid byte at offset 10); save it as UTF-8");
  }

  @Test
  void aUtf16FileIsNamedAsSuch() throws IOException {
    Path file = dir.resolve("notepad.txt");
    Files.write(file, ("TOKEN: " + TOKEN).getBytes(StandardCharsets.UTF_16LE));
    Files.write(file, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, Files.readAllBytes(file)));

    assertThatThrownBy(() -> CredentialsFileReader.read(MINIMAL, file))
        .hasMessage("credentials file " + file + " is UTF-16 text; save it as UTF-8");
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("nowhere.txt");

    assertThatThrownBy(() -> CredentialsFileReader.read(MINIMAL, file))
        .isInstanceOf(ValuesException.class).hasMessage("credentials file " + file + " does not exist; check the path");
  }

  @Test
  void aFolderIsRefused() {
    assertThatThrownBy(() -> CredentialsFileReader.read(MINIMAL, dir))
        .hasMessage("credentials file " + dir + " is a folder; give the file itself");
  }

  @Test
  void anUnreadableFileIsNamed() throws IOException {
    Path file = write("TOKEN: " + TOKEN);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    if (Files.isReadable(file)) {
      // Running as root, permissions do not stop reading; this file refuses every read instead (EIO).
      file = Path.of("/proc/self/mem");
    }
    assumeTrue(Files.exists(file), "needs a file this user cannot read");
    Path unreadable = file;

    assertThatThrownBy(() -> CredentialsFileReader.read(MINIMAL, unreadable))
        .isInstanceOf(ValuesException.class).hasMessageStartingWith("credentials file " + unreadable + " cannot be read");
  }

  @Test
  void aConnectorWithoutACredentialsFileSaysSo() {
    ConnectorDescriptor none = FormatPhaseTest.descriptor(TestDescriptors.minimal("nofile")
        .replace("    fileLabels: [API URL]\n", "").replace("    fileLabels: [TOKEN]\n", ""));

    assertThatThrownBy(() -> CredentialsFileReader.read(none, dir.resolve("any.txt")))
        .hasMessage("connector nofile declares no credentials file labels (fileLabels) to read a file with");
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("credentials.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
