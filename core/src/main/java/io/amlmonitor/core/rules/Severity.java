package io.amlmonitor.core.rules;

import java.util.Locale;

/** How serious a rule's finding is, for ordering reasons and for triage. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  static Severity parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "severity '" + text + "' is not one of low, medium, high, critical");
    }
  }
}
