package io.amlmonitor.server;

import io.amlmonitor.core.domain.Transaction;

/** Where {@code POST /transactions} hands transactions for asynchronous processing. */
public interface TransactionIngest {
  /**
   * Queues {@code t}.
   *
   * @return false when the system is too busy to take it now (the client should retry)
   */
  boolean offer(Transaction t) throws InterruptedException;
}
