package dev.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conventions of the public API an application compiles against:
 * <ul>
 *   <li>no Jackson annotations: an application reading {@link Connection} or a {@link
 *       VerificationReport} needs no Jackson, and how the host writes them as JSON is the host's
 *       business (internal.json);
 *   <li>one null policy: nothing it returns or takes is null; a value that may be absent is an
 *       {@code Optional} (or {@code OptionalInt}), never a null or a boxed number that may be null.
 * </ul>
 */
final class PublicApiConventionsTest {

  private static final List<String> PUBLIC_PACKAGES = List.of("dev.plugboard.host", "dev.plugboard.host.spi");

  @Test
  void noPublicTypeNorAnyOfItsPartsIsAnnotatedForJackson() throws Exception {
    List<Class<?>> types = publicTypes();
    assertThat(types).contains(Connection.class, ScopeCheck.class, Problem.class, VerificationReport.class);

    List<String> found = new ArrayList<>();
    for (Class<?> type : types) {
      List<AnnotatedElement> parts = new ArrayList<>(List.of(type));
      parts.addAll(Arrays.asList(type.getDeclaredFields()));
      parts.addAll(Arrays.asList(type.getDeclaredMethods()));
      parts.addAll(Arrays.asList(type.getDeclaredConstructors()));
      if (type.isRecord()) {
        parts.addAll(Arrays.asList(type.getRecordComponents()));
      }
      for (Executable executable : Stream.concat(Arrays.stream(type.getDeclaredMethods()),
          Arrays.stream(type.getDeclaredConstructors())).toList()) {
        parts.addAll(Arrays.asList(executable.getParameters()));
      }
      for (AnnotatedElement part : parts) {
        for (Annotation annotation : part.getAnnotations()) {
          String name = annotation.annotationType().getName();
          if (name.startsWith("com.fasterxml.jackson.") || name.startsWith("tools.jackson.")) {
            found.add(type.getSimpleName() + ": " + describe(part) + " @" + annotation.annotationType().getSimpleName());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void nothingPublicReturnsABoxedPrimitiveThatCouldBeNull() throws Exception {
    List<String> found = new ArrayList<>();
    for (Class<?> type : publicTypes()) {
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers()) && BOXED.contains(method.getReturnType())) {
          found.add(type.getSimpleName() + "." + method.getName() + " returns " + method.getReturnType().getSimpleName());
        }
      }
      if (type.isRecord()) {
        for (RecordComponent component : type.getRecordComponents()) {
          if (BOXED.contains(component.getType())) {
            found.add(type.getSimpleName() + " component " + component.getName() + " is " + component.getType().getSimpleName());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void noJavadocOfThePublicApiSpeaksOfNullAsAValue() throws IOException {
    List<String> found = new ArrayList<>();
    for (String pkg : PUBLIC_PACKAGES) {
      try (Stream<Path> files = Files.list(Path.of("src/main/java").resolve(pkg.replace('.', '/')))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            // JSON's null (in a values file, in what --json prints) is not a Java value
            if (line.startsWith("*") && NULL_AS_VALUE.matcher(line).find() && !mentionsJson(lines, i)) {
              found.add(file.getFileName() + ":" + (i + 1) + ": " + line);
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  private static boolean mentionsJson(List<String> lines, int i) {
    return lines.get(i).contains("JSON") || i > 0 && lines.get(i - 1).contains("JSON");
  }

  private static final Set<Class<?>> BOXED = Set.of(Integer.class, Long.class, Short.class, Byte.class, Double.class,
      Float.class, Boolean.class, Character.class);

  /** "or {@code null}", "{@code null} when …": how javadoc says a value may be null. */
  private static final Pattern NULL_AS_VALUE = Pattern.compile("\\{@code null}|\\bor null\\b|\\bnull when\\b");

  private static String describe(AnnotatedElement part) {
    return part instanceof RecordComponent component ? "component " + component.getName() : part.toString();
  }

  private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(Connection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : PUBLIC_PACKAGES) {
      try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
          String simple = file.getFileName().toString().replace(".class", "");
          Class<?> type = Class.forName(pkg + "." + simple, false, PublicApiConventionsTest.class.getClassLoader());
          if (Modifier.isPublic(type.getModifiers())) { // a package's own helpers (the stores' record schema) are not API
            types.add(type);
          }
        }
      }
    }
    return types;
  }
}
