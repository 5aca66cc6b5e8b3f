package io.amlmonitor.core.pipeline;

import io.amlmonitor.core.domain.Transaction;
import java.util.List;

/**
 * Where accepted transactions are made durable before anyone is told they were accepted: the
 * promise behind every 2xx answer.
 */
public interface TransactionJournal {
  /**
   * Returns once every transaction of {@code batch} is durably stored (or was already: a repeated
   * id adds nothing).
   *
   * @throws io.amlmonitor.core.store.StoreException when they could not be stored; none of them may
   *     then be acknowledged
   */
  void append(List<Transaction> batch);

  /** Keeps nothing: for replays, checks and tests that need no durability. */
  TransactionJournal NONE = batch -> {};
}
