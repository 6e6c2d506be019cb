package dev.plugboard.api.descriptor;

import java.util.List;

/**
 * The setup guide, readable offline: how to create the credentials on the platform.
 *
 * @param title what the guide achieves
 * @param steps the steps, numbered from 1 in this order
 */
public record Guide(String title, List<GuideStep> steps) {

  public Guide {
    Checks.requireText(title, "title");
    steps = Checks.list(steps, "steps");
    if (steps.isEmpty()) {
      throw new InvalidDescriptorException("steps is missing: a guide needs at least one step");
    }
  }
}
