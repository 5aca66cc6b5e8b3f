package io.amlmonitor.generator.csv;

import io.amlmonitor.generator.Typology;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a dataset holds: how many customers and merchants, and how many transactions of each
 * typology ({@link Typology#NONE} included; every typology present, zero when absent, in
 * declaration order).
 */
public record DatasetSummary(
    long customers, long merchants, Map<Typology, Long> transactionsByTypology) {
  public DatasetSummary {
    EnumMap<Typology, Long> counts = new EnumMap<>(Typology.class);
    for (Typology typology : Typology.values()) {
      counts.put(typology, transactionsByTypology.getOrDefault(typology, 0L));
    }
    transactionsByTypology = Collections.unmodifiableMap(counts);
  }

  /** All transactions. */
  public long transactions() {
    return transactionsByTypology.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Transactions of any laundering typology. */
  public long launderingTransactions() {
    return transactions() - count(Typology.NONE);
  }

  public long count(Typology typology) {
    return transactionsByTypology.get(typology);
  }
}
