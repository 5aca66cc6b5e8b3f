package io.amlmonitor.core.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The monitoring flows, by the names their users type. */
public enum FlowName {
  TRANSACTION_MONITORING,
  CUSTOMER_RISK,
  ALERT_GENERATION;

  /** The name as typed: {@code transaction_monitoring}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The flow called {@code label}.
   *
   * @throws IllegalArgumentException naming the flows there are, when there is none by that name
   */
  public static FlowName parse(String label) {
    for (FlowName f : values()) {
      if (f.label().equals(label.strip().toLowerCase(Locale.ROOT).replace('-', '_'))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown flow '"
            + label
            + "'; the flows are "
            + Arrays.stream(values()).map(FlowName::label).collect(Collectors.joining(", ")));
  }
}
