package io.amlmonitor.core.graph;

import io.amlmonitor.core.domain.TransactionId;
import java.util.List;
import java.util.function.Consumer;

/** Where network findings are kept with their subgraphs, for alerts, cases and measurement. */
public interface NetworkFindingRepository {
  /**
   * Stores {@code findings}; a finding of a transaction and typology already stored is kept as it
   * was.
   *
   * @return how many were new
   */
  int saveAll(List<NetworkFinding> findings);

  /** The findings a transaction completed. */
  List<NetworkFinding> forTransaction(TransactionId id);

  /** Every stored finding, in the order stored. */
  void forEach(Consumer<NetworkFinding> action);
}
