package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man page: every command, its options and the exit codes, readable by man. */
final class ManPageTest {

  @TempDir Path folder;

  @Test
  void namesEveryCommandItsOptionsTheExitCodesAndTheEnvironment() {
    String page = ManPage.render();

    assertThat(page).startsWith(".TH PLUGBOARD 1").contains(".SH NAME", ".SH SYNOPSIS", ".SH EXIT STATUS",
        ".SH ENVIRONMENT", ".SS verify CONNECTOR", ".SS connect CONNECTOR", ".SS connections verify [NAME]",
        ".SS completion SHELL", "\\-\\-sandbox\\-scopes", "\\-\\-plugins\\-dir", "PLUGBOARD_LOG");
    assertThat(page.lines().filter(line -> line.startsWith(".SS "))).hasSizeGreaterThanOrEqualTo(11);
  }

  @Test
  void manRendersItWithoutWarnings() throws Exception {
    Path file = folder.resolve("plugboard.1");
    ManPage.main(new String[] {file.toString()});
    Process man = new ProcessBuilder("sh", "-c", "command -v groff >/dev/null || exit 77; groff -man -Tutf8 -ww '"
        + file + "' 2>&1 >/dev/null").start();
    assertThat(man.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String warnings = new String(man.getInputStream().readAllBytes());

    assumeTrue(man.exitValue() != 77, "groff is not installed");
    assertThat(man.exitValue()).isZero();
    assertThat(warnings).isEmpty();
    assertThat(Files.readString(file)).contains(".SH EXIT STATUS");
  }
}
