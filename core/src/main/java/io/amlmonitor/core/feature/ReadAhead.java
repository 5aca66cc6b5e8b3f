package io.amlmonitor.core.feature;

import io.amlmonitor.core.domain.Transaction;

/**
 * Hashes a batch of payments' identifiers and brings the state they will change into cache, before
 * the engine applies them one by one: per-thread working space of {@link FeatureEngine#ingestAll}.
 *
 * <p>Implementation note: at 100,000 customers an update waits on a chain of dependent cache misses
 * — the store's slot, the entity, its log, the log's rows, party memory and distinct counts — and
 * one payment's chain cannot start before the previous payment's has ended, since each update takes
 * a lock (a full fence) and follows pointers. Here the batch walks the chains level by level
 * instead: every payment's store slot, then every payment's entity, then every log, then the lines
 * inside the logs. The loads of one level do not depend on each other, so the processor can keep
 * several in flight at once (on the benchmark machine a few: docs/benchmarks.md, session 5), and
 * the updates that follow find their lines in cache. Reading ahead only reads (without locks,
 * through {@link EntityStateStore#peek}), so the updates, applied strictly in input order, give
 * exactly what one-by-one ingests give; what it reads is folded into {@link #sink} so that the
 * compiler cannot drop the loads.
 */
final class ReadAhead {
  /** Payments read ahead at a time; 16, 32 and 64 measured the same. */
  static final int BATCH = 32;

  final long[] at = new long[BATCH];
  final long[] ip = new long[BATCH];
  final long[] customer = new long[BATCH];
  final long[] receiver = new long[BATCH];
  final long[] counterparty = new long[BATCH];
  final long[] id = new long[BATCH];

  /** Hash of the merchant, 0 when none. */
  final long[] merchant = new long[BATCH];

  /** What the reads saw, kept so that they happen. */
  long sink;

  /** Hashes {@code batch[from, to)} into the arrays above, at index {@code i - from}. */
  void hash(Transaction[] batch, int from, int to) {
    for (int i = from; i < to; i++) {
      Transaction t = batch[i];
      int k = i - from;
      at[k] = t.timestamp().toEpochMilli();
      ip[k] = Hash64.of(t.ipAddress());
      customer[k] = Hash64.of(t.customerId().value());
      receiver[k] = Hash64.of(t.receiverId());
      merchant[k] = t.merchantId() == null ? 0 : receiver[k];
      counterparty[k] = FeatureEngine.counterpartyHash(t, receiver[k]);
      id[k] = Hash64.of(t.id().value());
    }
  }

  /** Reads ahead the state that ingesting the {@code n} payments hashed last will touch. */
  void fetch(int n, EntityStateStore store) {
    // Fresh arrays: storing an old object into a young array costs G1 no fence; storing it into a
    // reused, old array does, and a fence waits for every load in flight.
    EventLog[] logs = new EventLog[3 * n];
    EntityState[] states = new EntityState[3 * n];
    for (int k = 0; k < n; k++) {
      states[3 * k] = peek(store, EntityType.CUSTOMER, customer[k]);
      states[3 * k + 1] = peek(store, EntityType.MERCHANT, merchant[k]);
      states[3 * k + 2] = peek(store, EntityType.CUSTOMER, counterparty[k]);
    }
    long v = 0;
    for (int j = 0; j < 3 * n; j++) {
      EntityState s = states[j];
      if (s != null) {
        logs[j] = s.log(j % 3 == 0 ? Direction.OUTGOING : Direction.INCOMING);
      }
    }
    for (int j = 0; j < 3 * n; j++) {
      EventLog log = logs[j];
      if (log != null) {
        v += log.size();
      }
    }
    for (int j = 0; j < 3 * n; j++) {
      EventLog log = logs[j];
      if (log != null) {
        v += log.readAhead(at[j / 3]);
      }
    }
    for (int j = 0; j < 3 * n; j++) {
      EventLog log = logs[j];
      if (log != null) {
        int k = j / 3;
        v += log.readAheadDeep(ip[k], j % 3 == 0 ? receiver[k] : customer[k]);
      }
    }
    sink += v;
  }

  private static EntityState peek(EntityStateStore store, EntityType type, long hash) {
    return hash == 0 ? null : store.peek(type, hash);
  }
}
