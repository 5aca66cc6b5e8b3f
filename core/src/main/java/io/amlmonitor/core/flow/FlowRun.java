package io.amlmonitor.core.flow;

import io.amlmonitor.core.domain.TimeRange;
import java.time.Instant;
import java.util.Objects;

/**
 * One run of one flow over a period of event time, as the system of record keeps it.
 *
 * @param checkpoint how far the run got with everything before it stored, or null before the first
 *     batch was stored
 * @param processed transactions (or customers, or decisions) the run has finished
 */
public record FlowRun(
    String runId,
    FlowName flow,
    Status status,
    TimeRange range,
    Instant startedAt,
    Checkpoint checkpoint,
    long processed) {

  /** Where a run stands. */
  public enum Status {
    RUNNING,
    COMPLETED,
    FAILED
  }

  public FlowRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(range, "range");
    if (range.from() == null || range.until() == null) {
      throw new IllegalArgumentException("a flow run covers a bounded range, was " + range);
    }
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
