package dev.plugboard.api.descriptor;

/**
 * The file the platform hands the user with the credentials in it: {@code LABEL: value} lines,
 * read with the {@code fileLabels} of each field.
 *
 * @param description what the file is and where it comes from, for help texts
 */
public record CredentialsFile(String description) {

  public CredentialsFile {
    Checks.requireText(description, "description");
  }
}
