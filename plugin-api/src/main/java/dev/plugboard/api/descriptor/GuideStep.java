package dev.plugboard.api.descriptor;

/**
 * One step of the setup guide.
 *
 * @param id how remediations and fields refer to it ({@code copy-api-path}): lowercase letters,
 *     digits and {@code -}, so that inserting a step breaks no reference
 * @param title a few words ({@code Create the API account})
 * @param text the step in full, as the user follows it in the platform's UI
 */
public record GuideStep(String id, String title, String text) {

  public GuideStep {
    Checks.requireText(id, "id");
    if (!Checks.STEP_ID.matcher(id).matches()) {
      throw new InvalidDescriptorException("id must be lowercase letters, digits and - starting with a letter: " + id);
    }
    Checks.requireText(title, "title");
    Checks.requireText(text, "text");
  }
}
