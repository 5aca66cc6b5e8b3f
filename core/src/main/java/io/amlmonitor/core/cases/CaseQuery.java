package io.amlmonitor.core.cases;

import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.InvalidFieldException;

/**
 * Which cases to list, newest opened first (ties by id), one page at a time. Every filter is
 * optional (null, or false for {@code openOnly}); the filters combine.
 *
 * @param openOnly only cases not closed
 * @param offset how many matching cases to skip, from 0
 * @param limit at most this many, 1–1000
 */
public record CaseQuery(
    CaseStatus status,
    String assignee,
    CustomerId customerId,
    boolean openOnly,
    int offset,
    int limit) {
  public static final int MAX_LIMIT = 1000;

  public CaseQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidFieldException(
          "limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0) {
      throw new InvalidFieldException("offset", "must not be negative, was " + offset);
    }
    assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
  }

  /** The first {@code limit} cases, unfiltered. */
  public static CaseQuery latest(int limit) {
    return new CaseQuery(null, null, null, false, 0, limit);
  }

  /** Whether {@code c} passes the filters (paging aside). */
  public boolean matches(Case c) {
    return (status == null || c.status() == status)
        && (assignee == null || assignee.equals(c.assignee()))
        && (customerId == null || customerId.equals(c.customerId()))
        && (!openOnly || !c.status().isClosed());
  }
}
