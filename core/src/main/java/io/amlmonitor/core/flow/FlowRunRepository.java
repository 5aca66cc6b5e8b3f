package io.amlmonitor.core.flow;

import io.amlmonitor.core.domain.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where flow runs and their checkpoints are kept, so that a stopped run resumes where it was. */
public interface FlowRunRepository {
  /** Records a new run, {@link FlowRun.Status#RUNNING}, with its parameters as JSON text. */
  void start(FlowRun run, String parameters);

  /**
   * The newest run of {@code flow} over exactly {@code range} that did not complete (still marked
   * running because its process died, or failed), if any: the one to resume.
   */
  Optional<FlowRun> unfinished(FlowName flow, TimeRange range);

  /** Marks an unfinished run running again, at {@code at}. */
  void resume(String runId, Instant at);

  /** Moves the run's checkpoint forward. */
  void checkpoint(String runId, Checkpoint checkpoint, long processed, Instant at);

  /** Ends the run as completed or failed, with a summary an operator can read. */
  void finish(String runId, FlowRun.Status status, long processed, String summary, Instant at);

  Optional<FlowRun> find(String runId);

  /** The newest runs first. */
  List<FlowRun> recent(int limit);
}
