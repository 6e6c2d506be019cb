package dev.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API carries no Jackson annotations: an application reading {@link Connection} or a
 * {@link VerificationReport} needs no Jackson, and how the host writes them as JSON is the host's
 * business (internal.json).
 */
final class PublicApiAnnotationsTest {

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
          types.add(Class.forName(pkg + "." + simple, false, PublicApiAnnotationsTest.class.getClassLoader()));
        }
      }
    }
    return types;
  }
}
