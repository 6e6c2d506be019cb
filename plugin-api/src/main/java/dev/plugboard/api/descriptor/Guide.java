package dev.plugboard.api.descriptor;

import java.util.List;
import java.util.Optional;

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

  /** The step with this id. */
  public Optional<GuideStep> step(String id) {
    return steps.stream().filter(step -> step.id().equals(id)).findFirst();
  }

  /** The step's number as users see it (from 1), or 0 when no step has this id. */
  public int number(String id) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(id)) {
        return i + 1;
      }
    }
    return 0;
  }
}
