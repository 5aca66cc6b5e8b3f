package io.amlmonitor.core.pipeline;

import java.util.List;

/** The one place failed records go, so that processing can move on without losing them. */
public interface DeadLetterSink {
  void accept(DeadLetter letter);

  /** How many dead letters there have been. */
  long count();

  /** The most recent dead letters, newest first, at most {@code limit}. */
  List<DeadLetter> recent(int limit);
}
