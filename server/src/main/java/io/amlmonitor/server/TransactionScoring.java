package io.amlmonitor.server;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.pipeline.Decision;
import java.util.List;

/**
 * How {@code /predict} and {@code /batch-predict} score: durably record, then score. Failures to
 * record surface as {@link io.amlmonitor.core.store.StoreException}s.
 */
public interface TransactionScoring {
  Decision score(Transaction t);

  /** Scores a batch; the decisions come in the order given. */
  List<Decision> scoreAll(List<Transaction> batch);
}
