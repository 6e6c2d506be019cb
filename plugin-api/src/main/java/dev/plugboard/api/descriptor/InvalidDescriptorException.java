package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A connector descriptor breaks one or more rules. Each {@link Defect} states the rule and names
 * the place in the descriptor ({@code scopes[2].probe.path}); the host adds the plugin
 * ({@code id@version}), the file and the line.
 */
public final class InvalidDescriptorException extends IllegalArgumentException {

  private final List<Defect> defects;

  public InvalidDescriptorException(String message) {
    this(List.of(new Defect("", message)));
  }

  public InvalidDescriptorException(String message, Throwable cause) {
    super(message, cause);
    this.defects = List.of(new Defect("", message));
  }

  /** Several defects found together, each with its place. */
  public InvalidDescriptorException(List<Defect> defects) {
    super(defects.stream().map(Defect::toString).collect(Collectors.joining("; ")));
    if (defects.isEmpty()) {
      throw new IllegalArgumentException("an invalid descriptor has at least one defect");
    }
    this.defects = List.copyOf(defects);
  }

  /** Every defect found, in the order of the descriptor. */
  public List<Defect> defects() {
    return defects;
  }

  /**
   * One broken rule.
   *
   * @param path where, as the author writes it ({@code fields[0].guideStep}), for locating the
   *     defect in the file; empty when only the message says where
   * @param message the rule and the value that breaks it, starting with the place
   */
  public record Defect(String path, String message) {

    @Override
    public String toString() {
      return message;
    }
  }
}
