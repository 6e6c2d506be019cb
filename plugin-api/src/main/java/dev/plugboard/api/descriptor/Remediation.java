package dev.plugboard.api.descriptor;

import java.util.Optional;

/**
 * What to do about a problem: which setup guide step, and the exact setting.
 *
 * @param guideStep the id of the guide step to go back to
 * @param text the instruction; a template that may name {@code {scope.name}},
 *     {@code {scope.permission}} and {@code {scope.id}}
 */
public record Remediation(Optional<String> guideStep, String text) {

  public Remediation {
    guideStep = Checks.guideStep(guideStep, "guideStep");
    Checks.requireText(text, "text");
    Template.parse(text, "text");
  }
}
