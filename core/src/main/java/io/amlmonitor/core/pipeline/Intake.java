package io.amlmonitor.core.pipeline;

import io.amlmonitor.core.domain.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How transactions enter the live system, synchronously ({@link #score}) or through the pipeline
 * ({@link #enqueue}). Both first make the transaction durable in the {@link TransactionJournal}, so
 * whatever is acknowledged survives a crash: after a restart, feature state is rebuilt from the
 * journal.
 */
public final class Intake {
  private final TransactionJournal journal;
  private final TransactionProcessor processor;
  private final EmbeddedPipeline pipeline;
  private final Consumer<Decision> decisions;

  /**
   * @param decisions receives the decisions of {@link #score} and {@link #scoreAll} (the pipeline's
   *     own decisions go to the consumer it was built with)
   */
  public Intake(
      TransactionJournal journal,
      TransactionProcessor processor,
      EmbeddedPipeline pipeline,
      Consumer<Decision> decisions) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.processor = Objects.requireNonNull(processor, "processor");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.decisions = Objects.requireNonNull(decisions, "decisions");
  }

  /**
   * Journals {@code t}, then scores it and adds it to the windows.
   *
   * @throws io.amlmonitor.core.store.StoreException when it could not be journaled: nothing was
   *     scored or counted
   */
  public Decision score(Transaction t) {
    journal.append(List.of(t));
    Decision d = processor.process(t);
    decisions.accept(d);
    return d;
  }

  /** {@link #score} for several, journaled in one commit; decisions in the order given. */
  public List<Decision> scoreAll(List<Transaction> batch) {
    journal.append(batch);
    List<Decision> out = new ArrayList<>(batch.size());
    for (Transaction t : batch) {
      Decision d = processor.process(t);
      decisions.accept(d);
      out.add(d);
    }
    return out;
  }

  /**
   * Journals {@code t} and queues it for the pipeline, unless its partition is full.
   *
   * @param timeout how long to wait for room in the queue once journaled
   * @return false when the pipeline is too busy: nothing was journaled, the caller should retry
   * @throws io.amlmonitor.core.store.StoreException when it could not be journaled
   */
  public boolean enqueue(Transaction t, Duration timeout) throws InterruptedException {
    if (!pipeline.hasRoom(t)) {
      return false;
    }
    journal.append(List.of(t));
    // Journaled now: it must reach the windows, so wait for room rather than give up; the room
    // check above makes a long wait rare.
    if (!pipeline.offer(t, timeout)) {
      pipeline.submit(t);
    }
    return true;
  }

  /**
   * Journals {@code batch} in one commit, then queues each, waiting for room: for a trusted
   * producer (a replay, the demo) that should be slowed down rather than turned away.
   */
  public void enqueueAll(List<Transaction> batch) throws InterruptedException {
    journal.append(batch);
    for (Transaction t : batch) {
      pipeline.submit(t);
    }
  }

  public TransactionProcessor processor() {
    return processor;
  }
}
