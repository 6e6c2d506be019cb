package dev.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.testing.FixtureConnector;
import dev.plugboard.host.testing.TestDescriptors;
import dev.plugboard.host.testing.TestHost;
import dev.plugboard.host.testing.TestPluginJar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No value may hold an invisible character, told by its Unicode category: every control, format
 * character, line or paragraph separator, lone surrogate, noncharacter and tag of every plane is
 * refused by {@link Plugboard#checkFormat}, naming the character, while visible text passes.
 */
final class InvisibleCharactersTest {


  @RegisterExtension
  static final TestHost notes = new TestHost(plugins -> TestPluginJar.plugin("notes").extension(FixtureConnector.class)
      .file(FixtureConnector.DESCRIPTOR, TestDescriptors.minimalWithNote("notes"))
      .writeTo(plugins));

  private static final Map<String, String> GOOD = Map.of(
      "api_url", "https://api.minimal.example/accounts/acme/", "token", "abcdefgh1234");

  @Test
  void everyInvisibleCharacterOfEveryPlaneIsRefusedAndNamed() {
    List<Integer> invisible = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
        .filter(InvisibleCharactersTest::invisibleByUnicode).boxed().toList();
    assertThat(invisible).contains(0x0000, 0x001B, 0x009B, 0x061C, 0x180E, 0x200B, 0x2028, 0x2029, 0x202E,
        0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB, 0xD800, 0xDFFF, 0xFDD0, 0xFFFE, 0x1FFFF, 0xE0001, 0xE007F, 0x10FFFF);

    List<String> passed = new ArrayList<>();
    for (int codePoint : invisible) {
      FieldCheck note = check("a" + new String(Character.toChars(codePoint)) + "b");
      String named = String.format("U+%04X", codePoint);
      if (note.status() != FieldCheck.Status.INVALID || !note.message().contains(named + " ")
          && !note.message().contains(named + ";")) {
        passed.add(named + " " + note.status() + ": " + note.message());
      }
    }
    assertThat(passed).isEmpty();
  }

  @Test
  void visibleTextOfEveryScriptPasses() {
    for (String text : List.of("café", "Ünïcödé", "東京ストア", "متجر", "магазин", "😀 shop", "a\u00a0b", "x\u3000y")) {
      assertThat(check(text).status()).as(text).isEqualTo(FieldCheck.Status.OK);
    }
  }

  /** The categories and blocks the host refuses, told from the JDK's Unicode data. */
  private static boolean invisibleByUnicode(int codePoint) {
    int type = Character.getType(codePoint);
    boolean category = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    boolean noncharacter = (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFF) >= 0xFFFE;
    boolean tag = Character.UnicodeBlock.of(codePoint) == Character.UnicodeBlock.TAGS;
    return category || noncharacter || tag;
  }

  private static FieldCheck check(String note) {
    Map<String, String> values = new LinkedHashMap<>(GOOD);
    values.put("note", note);
    return notes.plugboard().checkFormat("notes", values).stream()
        .filter(field -> field.id().equals("note")).findFirst().orElseThrow();
  }
}
