package dev.plugboard.web;

import dev.plugboard.api.descriptor.ConnectorDescriptor;
import dev.plugboard.api.descriptor.Diagnosis;
import dev.plugboard.api.descriptor.GuideStep;
import dev.plugboard.api.descriptor.Remediation;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.PhaseCheck;
import dev.plugboard.host.Problem;
import dev.plugboard.host.ScopeCheck;
import dev.plugboard.host.VerificationEvent;
import dev.plugboard.host.VerificationListener;
import dev.plugboard.host.VerificationReport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the page is told as a verification goes: the run starting with its scopes, each phase and
 * each scope as decided (a missing one with its remediation and a link to its guide step), then the
 * report, the very document {@code plugboard verify --json} prints.
 */
final class LiveResults implements VerificationListener {

  /** One event for the page: its name and one line of JSON. */
  record Event(String name, String json) {}

  private final BlockingQueue<Event> events;
  private final ConnectorDescriptor descriptor;

  /**
   * @param events where events go; the request's own thread writes them out, as the verification's
   *     threads must not touch the browser's connection (an interrupted one would close it)
   */
  LiveResults(BlockingQueue<Event> events, ConnectorDescriptor descriptor) {
    this.events = events;
    this.descriptor = descriptor;
  }

  @Override
  public void on(VerificationEvent event) {
    if (event instanceof VerificationEvent.Started started) {
      started(started.scopes());
    } else if (event instanceof VerificationEvent.PhaseDecided decided) {
      phase(decided.phase());
    } else if (event instanceof VerificationEvent.ScopeDecided decided) {
      scope(decided.scope());
    } else if (event instanceof VerificationEvent.Finished finished) {
      finished(finished.report());
    }
  }

  private void started(List<ScopeCheck> scopes) {
    ObjectNode started = Json.object().put("connector", descriptor.id());
    ArrayNode names = started.putArray("scopes");
    scopes.forEach(scope -> names.addObject().put("id", scope.id()).put("name", scope.name())
        .put("permission", scope.permission()));
    send("started", started.toString());
  }

  private void phase(PhaseCheck phase) {
    send("phase", Json.object()
        .put("phase", lower(phase.phase()))
        .put("title", title(phase.phase()))
        .put("status", lower(phase.status()))
        .put("message", phase.message()).toString());
  }

  private void scope(ScopeCheck scope) {
    ObjectNode event = Json.object()
        .put("id", scope.id())
        .put("name", scope.name())
        .put("permission", scope.permission())
        .put("status", lower(scope.status()))
        .put("remediation", scope.remediation());
    if (!scope.remediation().isEmpty()) {
      remediationStep(scope).flatMap(this::step).ifPresent(step -> event.set("step", step));
    }
    OptionalInt status = scope.evidence().map(Evidence::status).orElse(OptionalInt.empty());
    if (status.isPresent()) {
      event.put("httpStatus", status.getAsInt());
    }
    send("scope", event.toString());
  }

  /**
   * The scopes as the report has them (a scope's first answer is provisional), what the page
   * shows of the report (its verdict, problems and warnings, each with its guide step), then the
   * report itself.
   */
  private void finished(VerificationReport report) {
    report.scopes().forEach(this::scope);
    ObjectNode summary = Json.object().put("status", lower(report.status())).put("account", report.account().display());
    problems(summary.putArray("problems"), report.problems());
    problems(summary.putArray("warnings"), report.warnings());
    send("summary", summary.toString());
    send("report", report.toJson());
  }

  void connected(String name, String account) {
    send("connected", Json.object().put("name", name).put("account", account).toString());
  }

  void failed(String message) {
    send("failure", Json.object().put("message", message).toString());
  }

  private void send(String name, String json) {
    events.add(new Event(name, json));
  }

  private void problems(ArrayNode into, List<Problem> problems) {
    for (Problem problem : problems) {
      ObjectNode node = into.addObject().put("code", problem.code()).put("message", problem.message())
          .put("remediation", problem.remediation());
      descriptor.diagnosis(problem.code()).map(Diagnosis::remediation).flatMap(Remediation::guideStep)
          .flatMap(this::step).ifPresent(step -> node.set("step", step));
    }
  }

  private Optional<String> remediationStep(ScopeCheck check) {
    return descriptor.scopes().stream().filter(scope -> scope.id().equals(check.id())).findFirst()
        .map(descriptor::remediationFor).flatMap(Remediation::guideStep);
  }

  private Optional<ObjectNode> step(String stepId) {
    if (stepId == null) {
      return Optional.empty();
    }
    Optional<GuideStep> step = descriptor.guide().step(stepId);
    return step.map(s -> Json.object().put("id", s.id()).put("number", descriptor.guide().number(s.id()))
        .put("title", s.title()));
  }

  private static String title(PhaseCheck.Phase phase) {
    return switch (phase) {
      case FORMAT -> "Values well-formed";
      case CREDENTIALS -> "Credentials accepted";
      case IDENTITY -> "Store identified";
      case SCOPES -> "Permissions";
    };
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
