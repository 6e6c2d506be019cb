package dev.plugboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plugboard.host.Account;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.FieldCheck;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.PhaseCheck.Outcome;
import dev.plugboard.host.PhaseCheck.Phase;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ReportPrinterTest {

  private static final Evidence FORBIDDEN =
      new Evidence("GET", "api.example", "/accounts/acme/orders?limit=1", OptionalInt.of(403), 1, 12, "");
  private static final Evidence DOWN = new Evidence("GET", "api.example", "/accounts/acme/customers?limit=1", OptionalInt.of(503), 3, 900, "");

  @Test
  void aMissingScopeShowsTheCallItRestsOnAndWhatToChange() {
    String printed = print(report(VerificationReport.Status.FAILED, List.of(
        new ScopeCheck("Orders", "Read", "orders_read", ScopeCheck.Status.MISSING, Optional.of(FORBIDDEN),
            "Give the token Orders: Read. (guide step 2: Create the token)"),
        new ScopeCheck("Customers", "Read", "customers_read", ScopeCheck.Status.GRANTED,
            Optional.of(new Evidence("GET", "api.example", "/accounts/acme/customers?limit=1", OptionalInt.of(200), 1, 9, "")), "")),
        List.of()));

    assertThat(printed).containsSubsequence(
        "Connected to Acme (acme.example)",
        "Scopes:",
        "  missing      Orders     Read  (GET api.example/accounts/acme/orders?limit=1 → 403)",
        "→ Give the token Orders: Read. (guide step 2: Create the token)",
        "  granted      Customers  Read\n",
        "Result: failed: 1 of 2 scopes missing (exit 1)");
    assertThat(printed.lines()).noneMatch(line -> line.endsWith(" "));
  }

  @Test
  void anInconclusiveRunSaysToTryAgainAndHowOftenItTried() {
    String printed = print(report(VerificationReport.Status.INCONCLUSIVE, List.of(
        new ScopeCheck("Customers", "Read", "customers_read", ScopeCheck.Status.INCONCLUSIVE, Optional.of(DOWN), "")),
        List.of(new Problem("server_error", "The platform answered 503 three times.", "Try again later.", Optional.of(DOWN)))));

    assertThat(printed).contains(
        "inconclusive Customers  Read  (GET api.example/accounts/acme/customers?limit=1 → 503, 3 attempts)",
        "Problems:", "The platform answered 503 three times.", "What to do: Try again later.",
        "Result: inconclusive: 1 scope could not be checked; try again later (exit 3)");
  }

  @Test
  void invalidValuesSayWhichAndSkipTheScopesInOneLine() {
    List<ScopeCheck> skipped = List.of(
        new ScopeCheck("Orders", "Read", "orders_read", ScopeCheck.Status.SKIPPED, Optional.empty(), ""),
        new ScopeCheck("Customers", "Read", "customers_read", ScopeCheck.Status.SKIPPED, Optional.empty(), ""));
    VerificationReport report = new VerificationReport("minimal", VerificationReport.Status.INVALID, Account.UNKNOWN,
        List.of(new PhaseCheck(Phase.FORMAT, Outcome.FAILED, "missing or malformed: api_url")),
        List.of(new FieldCheck("api_url", FieldCheck.Status.INVALID, "API URL must start with https://."),
            new FieldCheck("token", FieldCheck.Status.OK, "")),
        skipped, List.of(), Instant.EPOCH);

    String printed = print(report);

    assertThat(printed).contains("Scopes: none of the 2 was checked (`plugboard describe minimal` lists them)",
        "Result: invalid values (api_url): nothing was sent (exit 2)");
    assertThat(printed).doesNotContain("skipped      Orders");
  }

  @Test
  void aRunThatFailedAsAWholeSaysWhatFailedInItsResult() {
    Evidence rejected = new Evidence("GET", "api.example", "/accounts/acme/me", OptionalInt.of(401), 1, 8, "");
    String printed = print(report(VerificationReport.Status.FAILED, List.of(
        new ScopeCheck("Orders", "Read", "orders_read", ScopeCheck.Status.SKIPPED, Optional.empty(), "")),
        List.of(new Problem("credentials_rejected", "The platform rejected the token (401 Unauthorized).",
            "Copy the token again.", Optional.of(rejected)))));

    assertThat(printed).contains("Result: failed: The platform rejected the token (401 Unauthorized) (exit 1)");
  }

  @Test
  void exitCodesFollowTheVerdict() {
    assertThat(ReportPrinter.exitCode(report(VerificationReport.Status.VERIFIED, List.of(), List.of()))).isEqualTo(0);
    assertThat(ReportPrinter.exitCode(report(VerificationReport.Status.FAILED, List.of(), List.of()))).isEqualTo(1);
    assertThat(ReportPrinter.exitCode(report(VerificationReport.Status.INVALID, List.of(), List.of()))).isEqualTo(2);
    assertThat(ReportPrinter.exitCode(report(VerificationReport.Status.INCONCLUSIVE, List.of(), List.of())))
        .isEqualTo(3);
  }

  @Test
  void aWarningOnAValueThatPassedIsShown() {
    VerificationReport report = new VerificationReport("minimal", VerificationReport.Status.VERIFIED,
        Account.UNKNOWN, List.of(new PhaseCheck(Phase.FORMAT, Outcome.PASSED, "every value is well-formed")),
        List.of(new FieldCheck("token", FieldCheck.Status.OK, "Tokens are usually 31 characters long.")),
        List.of(), List.of(), Instant.EPOCH);

    assertThat(print(report)).contains("  ok           format        every value is well-formed",
        "  warning   token: Tokens are usually 31 characters long.");
  }

  private static VerificationReport report(VerificationReport.Status status, List<ScopeCheck> scopes, List<Problem> problems) {
    return new VerificationReport("minimal", status, new Account("Acme (acme.example)", Map.of("name", "Acme")),
        List.of(new PhaseCheck(Phase.IDENTITY, Outcome.PASSED, "connected to Acme (acme.example)")),
        List.of(new FieldCheck("token", FieldCheck.Status.OK, "")), scopes, problems, Instant.EPOCH);
  }

  private static String print(VerificationReport report) {
    StringWriter out = new StringWriter();
    new ReportPrinter(new PrintWriter(out, true)).print(report);
    return out.toString();
  }
}
