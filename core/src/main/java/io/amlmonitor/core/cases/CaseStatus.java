package io.amlmonitor.core.cases;

import io.amlmonitor.core.domain.InvalidFieldException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a case stands in the review workflow, and where it may go next.
 *
 * <table>
 *   <caption>The legal transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>OPEN</td><td>IN_REVIEW</td></tr>
 *   <tr><td>IN_REVIEW</td><td>ESCALATED, CLOSED_FALSE_POSITIVE, CLOSED_SAR</td></tr>
 *   <tr><td>ESCALATED</td><td>IN_REVIEW, CLOSED_FALSE_POSITIVE, CLOSED_SAR</td></tr>
 *   <tr><td>CLOSED_FALSE_POSITIVE, CLOSED_SAR</td><td>none: closing is final</td></tr>
 * </table>
 *
 * <p>An open case must be looked at before it is closed (no OPEN → CLOSED), an escalation may be
 * sent back for more review, and a closed case never reopens: a new alert for the customer opens a
 * new case instead, so a disposition, once given, is never rewritten.
 */
public enum CaseStatus {
  OPEN,
  IN_REVIEW,
  ESCALATED,
  CLOSED_FALSE_POSITIVE,
  CLOSED_SAR;

  /** Whether the case is closed, with a disposition; closed cases accept no further changes. */
  public boolean isClosed() {
    return this == CLOSED_FALSE_POSITIVE || this == CLOSED_SAR;
  }

  /** The statuses a case in this status may move to, in declaration order; empty when closed. */
  public Set<CaseStatus> allowedTargets() {
    EnumSet<CaseStatus> targets =
        switch (this) {
          case OPEN -> EnumSet.of(IN_REVIEW);
          case IN_REVIEW -> EnumSet.of(ESCALATED, CLOSED_FALSE_POSITIVE, CLOSED_SAR);
          case ESCALATED -> EnumSet.of(IN_REVIEW, CLOSED_FALSE_POSITIVE, CLOSED_SAR);
          case CLOSED_FALSE_POSITIVE, CLOSED_SAR -> EnumSet.noneOf(CaseStatus.class);
        };
    return Collections.unmodifiableSet(targets);
  }

  public boolean canMoveTo(CaseStatus target) {
    return allowedTargets().contains(target);
  }

  /**
   * Parses a status name, ignoring case and accepting {@code -} for {@code _} ({@code in-review}).
   *
   * @throws InvalidFieldException naming {@code field} and the statuses there are
   */
  public static CaseStatus parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidFieldException(field, "is required");
    }
    String name = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (CaseStatus s : values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new InvalidFieldException(
        field,
        "'" + text + "' is not one of " + Arrays.toString(values()).replaceAll("[\\[\\]]", ""));
  }
}
