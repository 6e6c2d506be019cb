package dev.plugboard.api.descriptor;

/**
 * One numbered step of the setup guide.
 *
 * @param title a few words ({@code Create the API account})
 * @param text the step in full, as the user follows it in the platform's UI
 */
public record GuideStep(String title, String text) {

  public GuideStep {
    Checks.requireText(title, "title");
    Checks.requireText(text, "text");
  }
}
