package dev.plugboard.host.internal.verify;

import java.util.Optional;
import dev.plugboard.host.Evidence;
import dev.plugboard.host.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one verification, one per code: a cause shared by many calls (a server error,
 * a timeout) is one finding listing what it affected, not one per scope.
 */
final class Findings {

  private final Map<String, Entry> byCode = new LinkedHashMap<>();

  /** Records a finding; a second one with the same code only adds {@code subject} to the first. */
  void add(String code, String message, String remediation, Evidence evidence, String subject) {
    add(code, message, remediation, evidence, subject, "Not checked because of it: ");
  }

  /**
   * Records a finding whose subjects are listed after {@code label} ({@code Affects: }); a second
   * one with the same code only adds {@code subject} to the first.
   */
  void add(String code, String message, String remediation, Evidence evidence, String subject, String label) {
    Entry entry = byCode.computeIfAbsent(code, c -> new Entry(message, remediation, evidence, label));
    if (subject != null && !entry.subjects.contains(subject)) {
      entry.subjects.add(subject);
    }
  }

  void add(String code, String message, String remediation, Evidence evidence) {
    add(code, message, remediation, evidence, null);
  }

  /**
   * Records a finding kept apart from others of its code by {@code key} (the call it is about):
   * the same code for two different calls is two problems, each with its own evidence.
   */
  void addDistinct(String code, String key, String message, String remediation, Evidence evidence, String subject) {
    Entry entry = byCode.computeIfAbsent(code + "\u0000" + key,
        c -> new Entry(message, remediation, evidence, "Not decided because of it: "));
    if (subject != null && !entry.subjects.contains(subject)) {
      entry.subjects.add(subject);
    }
  }

  boolean has(String code) {
    return byCode.containsKey(code);
  }

  List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    byCode.forEach((key, entry) -> {
      String code = key.contains("\u0000") ? key.substring(0, key.indexOf('\u0000')) : key;
      String affected = entry.subjects.isEmpty() ? "" : " " + entry.label + String.join(", ", entry.subjects) + ".";
      problems.add(new Problem(code, entry.message + affected, entry.remediation, Optional.ofNullable(entry.evidence)));
    });
    return problems;
  }

  private static final class Entry {
    private final String message;
    private final String remediation;
    private final Evidence evidence;
    private final String label;
    private final List<String> subjects = new ArrayList<>();

    Entry(String message, String remediation, Evidence evidence, String label) {
      this.message = message;
      this.remediation = remediation;
      this.evidence = evidence;
      this.label = label;
    }
  }
}
