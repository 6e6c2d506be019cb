package dev.plugboard.host;

import dev.plugboard.api.descriptor.FieldKind;
import dev.plugboard.api.descriptor.Normalization;
import dev.plugboard.host.internal.form.Normalizer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One value a {@link Form} asks for, with everything needed to ask for it well.
 *
 * <pre>{@code
 * for (FormField field : plugboard.form("shop").fields()) {
 *   String answer = ask(field.label(), field.help(), field.example().orElse(""), field.secret());
 *   values.put(field.id(), answer);
 * }
 * }</pre>
 *
 * @param id the field's id, the key to give its value under
 * @param label the platform's own name for it
 * @param kind text, url or secret
 * @param required whether a value must be given
 * @param help one line saying what the value is
 * @param example a value of the right shape (never a real credential), if the descriptor gives one
 * @param pattern the regular expression the normalised value (for a url: its path) must match
 *     whole, if there is one; show {@code patternHint} to people instead
 * @param patternHint the pattern in words, if there is one
 * @param normalize the clean-ups applied before checking, in order; see {@link #normalize(String)}
 * @param guideStep the setup guide step (from 1) where the value is found, if the guide says
 * @param guideStepTitle that step's title, if there is that step
 * @param fileLabels the labels the value carries in the platform's credentials file
 */
public record FormField(
    String id,
    String label,
    FieldKind kind,
    boolean required,
    String help,
    Optional<String> example,
    Optional<String> pattern,
    Optional<String> patternHint,
    List<Normalization> normalize,
    OptionalInt guideStep,
    Optional<String> guideStepTitle,
    List<String> fileLabels) {

  public FormField {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(example, "example == null: use Optional.empty()");
    Objects.requireNonNull(pattern, "pattern == null: use Optional.empty()");
    Objects.requireNonNull(patternHint, "patternHint == null: use Optional.empty()");
    Objects.requireNonNull(guideStep, "guideStep == null: use OptionalInt.empty()");
    Objects.requireNonNull(guideStepTitle, "guideStepTitle == null: use Optional.empty()");
    normalize = List.copyOf(normalize);
    fileLabels = List.copyOf(fileLabels);
  }

  /** Whether the value must be read without echo and never shown. */
  public boolean secret() {
    return kind == FieldKind.SECRET;
  }

  /**
   * The value as the host checks it: {@code raw} after this field's clean-ups (trimmed, quotes
   * pasted with it removed ...). A web form applies this before validating against the JSON Schema.
   */
  public String normalize(String raw) {
    return Normalizer.apply(normalize, raw);
  }
}
