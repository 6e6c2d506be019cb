package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each kind of character looks like once neutralised. */
final class ConsoleTextTest {

  @Test
  void terminalSequencesAndControlCharactersAreShownAsEscapes() {
    assertThat(ConsoleText.safe("a\u001b]0;title\u0007b\u001b[2Jc\u009b31m\u007f\u0000"))
        .isEqualTo("a\\u001b]0;title\\u0007b\\u001b[2Jc\\u009b31m\\u007f\\u0000");
  }

  @Test
  void newlinesThatCouldForgeALineStayOnOneLine() {
    assertThat(ConsoleText.safe("Acme\nResult: verified\r\tx\u2028y\u2029"))
        .isEqualTo("Acme\\nResult: verified\\r\\tx\\u2028y\\u2029");
  }

  @Test
  void bidirectionalOverridesAndIsolatesAndInvisibleCharactersAreShown() {
    assertThat(ConsoleText.safe("\u202eabc\u202c \u2066d\u2069 \u200e\u200f\u061c\u200b\ufeff"))
        .isEqualTo("\\u202eabc\\u202c \\u2066d\\u2069 \\u200e\\u200f\\u061c\\u200b\\ufeff");
  }

  @Test
  void lettersOfEveryScriptAndEmojiAreKeptAndABackslashCannotFakeAnEscape() {
    assertThat(ConsoleText.safe("Café Müller — 東京 مرحبا 👩‍💻")).isEqualTo("Café Müller — 東京 مرحبا 👩‍💻");
    assertThat(ConsoleText.safe("\\u001b")).isEqualTo("\\\\u001b");
    assertThat(ConsoleText.safe(null)).isEmpty();
  }
}
