package io.amlmonitor.core.cases;

import io.amlmonitor.core.domain.Checks;
import java.util.UUID;

/** The identifier of a case: non-blank, at most 128 characters, no control characters. */
public record CaseId(String value) implements Comparable<CaseId> {
  public CaseId {
    value = Checks.id("case_id", value == null ? null : value.strip());
  }

  public static CaseId of(String value) {
    return new CaseId(value);
  }

  /** A new identifier no other case has, such as {@code CASE-3f0c…}. */
  public static CaseId random() {
    return new CaseId("CASE-" + UUID.randomUUID());
  }

  @Override
  public int compareTo(CaseId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
