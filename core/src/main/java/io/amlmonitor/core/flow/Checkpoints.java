package io.amlmonitor.core.flow;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Moves a run's checkpoint over batches finished in any order: the checkpoint is the end of the
 * longest run of consecutive finished batches from the first, so that everything before it is
 * stored whatever the workers still hold.
 */
final class Checkpoints {
  private record Done(Checkpoint last, int size) {}

  private final FlowRun run;
  private final FlowRunRepository runs;
  private final InstantSource clock;
  private final StoreRetry retry;
  private final Map<Long, Done> waiting = new HashMap<>();
  private long next;
  private long processed;
  private Checkpoint reached;

  Checkpoints(FlowRun run, FlowRunRepository runs, InstantSource clock, StoreRetry retry) {
    this.run = run;
    this.runs = runs;
    this.clock = clock;
    this.retry = retry;
    this.reached = run.checkpoint();
  }

  /** Batch {@code seq}, ending at {@code last}, is stored. */
  synchronized void done(long seq, Checkpoint last, int size) {
    waiting.put(seq, new Done(last, size));
    Checkpoint moved = null;
    Done d;
    while ((d = waiting.remove(next)) != null) {
      next++;
      processed += d.size();
      moved = d.last();
    }
    if (moved != null) {
      advance(moved);
    }
  }

  /** The checkpoint reached, stored, once every batch is done. */
  synchronized void finish() {
    if (!waiting.isEmpty()) {
      throw new IllegalStateException("batches still waiting: " + waiting.keySet());
    }
  }

  private void advance(Checkpoint to) {
    // A resumed run replays batches before its old checkpoint; never move it back.
    if (reached != null && to.compareTo(reached) <= 0) {
      return;
    }
    reached = to;
    Checkpoint c = to;
    long n = processed;
    retry.call(
        "storing the checkpoint",
        () -> {
          runs.checkpoint(run.runId(), c, n, clock.instant());
          return null;
        });
  }
}
