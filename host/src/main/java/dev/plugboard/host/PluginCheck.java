package dev.plugboard.host;

import dev.plugboard.host.internal.plugins.Descriptors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A plugin author's lint: what the host would make of a plugin jar, a folder of them, or a
 * descriptor file, with every defect in words, each at its place and line.
 *
 * <pre>{@code
 * PluginCheck check = PluginCheck.of(Path.of("target/plugboard-shop-1.0.0.jar"));
 * check.results().forEach(result -> System.out.println(result.subject() + ": " + result.defects()));
 * }</pre>
 *
 * @param results one result per jar or descriptor file checked
 */
public record PluginCheck(List<Result> results) {

  /** The longest descriptor file read, as the host reads a plugin's. */
  private static final long MAX_DESCRIPTOR_BYTES = 1 << 20;

  public PluginCheck {
    results = List.copyOf(results);
  }

  /**
   * What one jar or file came to.
   *
   * @param subject the jar's {@code id@version} (or file name), or the descriptor file's name
   * @param path where it lies
   * @param connectors the connectors it would contribute; empty when it has defects
   * @param defects every defect found, in words; empty when it loads
   */
  public record Result(String subject, Path path, List<String> connectors, List<String> defects) {

    public Result {
      connectors = List.copyOf(connectors);
      defects = List.copyOf(defects);
    }

    public boolean ok() {
      return defects.isEmpty();
    }
  }

  /** Whether everything checked would load. */
  public boolean ok() {
    return results.stream().allMatch(Result::ok);
  }

  /**
   * Checks a plugin jar, a folder of plugin jars, or a descriptor file ({@code .yaml}, {@code .yml}, {@code .json}).
   *
   * @throws PlugboardException when {@code path} is none of these, or cannot be read
   */
  public static PluginCheck of(Path path) {
    if (Files.isDirectory(path)) {
      return new PluginCheck(loaded(path));
    }
    if (!Files.isRegularFile(path)) {
      throw new PlugboardException(path + (Files.exists(path) ? " is not a regular file or a folder"
          : " does not exist") + "; give a plugin jar, a folder of them, or a descriptor file");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jar")) {
      return new PluginCheck(jar(path));
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
      return new PluginCheck(List.of(descriptor(path)));
    }
    throw new PlugboardException(path + " is not a plugin jar (.jar) or a descriptor file (.yaml, .yml, .json)");
  }

  private static Result descriptor(Path file) {
    try {
      if (Files.size(file) > MAX_DESCRIPTOR_BYTES) {
        return new Result(file.getFileName().toString(), file, List.of(),
            List.of("the file is " + Files.size(file) + " bytes; a descriptor may be at most " + MAX_DESCRIPTOR_BYTES));
      }
      byte[] content = Files.readAllBytes(file);
      List<String> defects = Descriptors.defects(file.getFileName().toString(), content);
      List<String> connectors = defects.isEmpty()
          ? List.of(Descriptors.parse(file.getFileName().toString(), new String(content,
              java.nio.charset.StandardCharsets.UTF_8)).id())
          : List.of();
      return new Result(file.getFileName().toString(), file, connectors, defects);
    } catch (IOException e) {
      throw new PlugboardException(file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** A jar on its own, in a folder of its own, as the host would load it. */
  private static List<Result> jar(Path jar) {
    Path folder;
    try {
      folder = Files.createTempDirectory("plugboard-check-");
      Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new PlugboardException(jar + " cannot be read: " + e.getMessage(), e);
    }
    try {
      List<Result> results = new ArrayList<>();
      for (Result result : loaded(folder)) {
        results.add(new Result(result.subject(), jar, result.connectors(), result.defects()));
      }
      return results;
    } finally {
      delete(folder);
    }
  }

  private static List<Result> loaded(Path folder) {
    try (Plugboard plugboard = Plugboard.builder().pluginsDir(folder).home(folder.resolve(".plugboard-check")).build()) {
      return plugboard.plugins().stream().map(plugin -> new Result(plugin.label(), plugin.jar(), plugin.connectors(),
          plugin.problem().isEmpty() ? List.of() : defects(plugin.problem()))).toList();
    }
  }

  /** A load failure's reason, one defect a line: the host joins a descriptor's defects with "; ". */
  private static List<String> defects(String problem) {
    return List.of(problem.split("; (?=[a-zA-Z]+(\\[\\d+])?[.:\\[ ])"));
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary copy left behind is harmless
    }
  }
}
