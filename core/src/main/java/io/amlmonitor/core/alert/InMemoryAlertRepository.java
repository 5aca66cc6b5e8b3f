package io.amlmonitor.core.alert;

import io.amlmonitor.core.domain.TimeRange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

/**
 * Alerts in this process's memory, newest first. Lives as long as the process: the embedded SQL
 * store is the durable home of alerts.
 */
public final class InMemoryAlertRepository implements AlertRepository {
  private final ConcurrentHashMap<String, Alert> byTransaction = new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<Alert> newestFirst = new ConcurrentLinkedDeque<>();

  @Override
  public boolean save(Alert alert) {
    if (byTransaction.putIfAbsent(alert.transactionId().value(), alert) != null) {
      return false;
    }
    newestFirst.addFirst(alert);
    return true;
  }

  @Override
  public List<Alert> find(AlertQuery query) {
    List<Alert> out = new ArrayList<>(Math.min(query.limit(), 64));
    for (Alert a : newestFirst) {
      if (query.matches(a)) {
        out.add(a);
        if (out.size() == query.limit()) {
          break;
        }
      }
    }
    return out;
  }

  @Override
  public long forEachCreatedIn(TimeRange created, Consumer<? super Alert> action) {
    long n = 0;
    for (Iterator<Alert> oldestFirst = newestFirst.descendingIterator(); oldestFirst.hasNext(); ) {
      Alert a = oldestFirst.next();
      if (created.contains(a.createdAt())) {
        action.accept(a);
        n++;
      }
    }
    return n;
  }

  @Override
  public long count() {
    return byTransaction.size();
  }

  @Override
  public Map<String, Long> countByRule() {
    Map<String, Long> counts = new TreeMap<>();
    for (Alert a : byTransaction.values()) {
      for (String rule : a.rules()) {
        counts.merge(rule, 1L, Long::sum);
      }
    }
    return counts;
  }
}
