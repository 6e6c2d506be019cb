package dev.plugboard.cli;

/**
 * Where a value came from. When two sources give one field, the one listed first wins: what is
 * typed for this run beats a file chosen for this run, which beats the platform's whole
 * credentials file, which beats the ambient environment; prompts and defaults only fill what is
 * still missing.
 */
enum ValueSource {
  SET("--set"),
  VALUES_FILE("--values-file"),
  CREDENTIALS_FILE("--credentials-file"),
  ENVIRONMENT("the environment"),
  PROMPT("the prompt"),
  DEFAULT("the default offered");

  private final String label;

  ValueSource(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
