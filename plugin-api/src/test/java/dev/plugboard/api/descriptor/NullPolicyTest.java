package dev.plugboard.api.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The null policy of the plugin-api, as the host's public API has it: nothing a descriptor record
 * returns is null. A key a file may leave out is an {@code Optional} (or {@code OptionalInt}), a
 * list or a map left out is empty, and a default is filled in, however the reader hands the
 * absence over (Jackson gives {@code null} for a key that is not there).
 */
final class NullPolicyTest {

  private static final Map<Class<?>, List<Record>> RECORDS = DescriptorSamples.recordsOfEverySample();

  @Test
  void noAccessorOfARecordBuiltFromTheSamplesReturnsNull() {
    List<String> found = new ArrayList<>();
    RECORDS.forEach((type, instances) -> instances.forEach(instance -> found.addAll(nulls(instance, "as read"))));

    assertThat(RECORDS).hasSizeGreaterThan(20);
    assertThat(found).isEmpty();
  }

  @Test
  void aRecordBuiltWithAnyKeyLeftOutReturnsNoNullEither() {
    List<String> found = new ArrayList<>();
    int rebuilt = 0;
    for (List<Record> instances : RECORDS.values()) {
      for (Record instance : instances) {
        for (RecordComponent left : instance.getClass().getRecordComponents()) {
          Optional<Record> without = RecordProbe.without(instance, left);
          if (without.isPresent()) {
            rebuilt++;
            found.addAll(nulls(without.get(), "without " + left.getName()));
          }
        }
      }
    }

    assertThat(rebuilt).as("records rebuilt with a key left out").isGreaterThan(50);
    assertThat(found).isEmpty();
  }

  @Test
  void noJavadocOfThePluginApiSpeaksOfNullAsAValue() throws IOException {
    Pattern nullWord = Pattern.compile("\\bnull\\b");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/plugboard/api"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          // where the records say how they read a null a reader hands over for a key left out
          boolean explainsTheReading = file.endsWith("Checks.java") || file.endsWith("descriptor/package-info.java");
          if (line.startsWith("*") && nullWord.matcher(line).find() && !explainsTheReading) {
            found.add(file.getFileName() + ":" + (i + 1) + ": " + line);
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  private static List<String> nulls(Record record, String how) {
    List<String> found = new ArrayList<>();
    for (Method method : record.getClass().getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() == 0 && method.getReturnType() != void.class) {
        try {
          if (method.invoke(record) == null) {
            found.add(record.getClass().getSimpleName() + "." + method.getName() + "() is null " + how);
          }
        } catch (ReflectiveOperationException e) {
          throw new AssertionError("cannot call " + method, e);
        }
      }
    }
    return found;
  }
}
