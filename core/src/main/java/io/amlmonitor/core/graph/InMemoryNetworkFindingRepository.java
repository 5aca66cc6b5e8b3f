package io.amlmonitor.core.graph;

import io.amlmonitor.core.domain.TransactionId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Findings in memory, for tests and the embedded runtime without a system of record. */
public final class InMemoryNetworkFindingRepository implements NetworkFindingRepository {
  private final Map<String, NetworkFinding> byKey = new LinkedHashMap<>();

  @Override
  public synchronized int saveAll(List<NetworkFinding> findings) {
    int added = 0;
    for (NetworkFinding f : findings) {
      if (byKey.putIfAbsent(f.transactionId().value() + "\u0000" + f.typology(), f) == null) {
        added++;
      }
    }
    return added;
  }

  @Override
  public synchronized List<NetworkFinding> forTransaction(TransactionId id) {
    return byKey.values().stream().filter(f -> f.transactionId().equals(id)).toList();
  }

  @Override
  public void forEach(Consumer<NetworkFinding> action) {
    List<NetworkFinding> copy;
    synchronized (this) {
      copy = new ArrayList<>(byKey.values());
    }
    copy.forEach(action);
  }
}
