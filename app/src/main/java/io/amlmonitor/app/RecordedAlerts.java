package io.amlmonitor.app;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.alert.AlertQuery;
import io.amlmonitor.core.alert.AlertRepository;
import io.amlmonitor.core.domain.TimeRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The alert store of the durable runtime: an alert the processor raises is written by the {@link
 * io.amlmonitor.core.pipeline.DecisionRecorder} in the same transaction as its decision, off the
 * scoring path, so {@link #save} only decides whether the alert is new; reads go to the system of
 * record, where an alert appears within a write batch of being raised.
 *
 * <p>A transaction's alert is new unless one was raised for it recently (the last 100,000 alerted
 * transactions are remembered); beyond that, the table's key keeps the first.
 */
final class RecordedAlerts implements AlertRepository {
  private static final int REMEMBERED = 100_000;

  private final AlertRepository stored;
  private final Map<String, Boolean> recent =
      new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  RecordedAlerts(AlertRepository stored) {
    this.stored = stored;
  }

  @Override
  public boolean save(Alert alert) {
    synchronized (recent) {
      return recent.putIfAbsent(alert.transactionId().value(), Boolean.TRUE) == null;
    }
  }

  @Override
  public List<Alert> find(AlertQuery query) {
    return stored.find(query);
  }

  @Override
  public long forEachCreatedIn(TimeRange created, Consumer<? super Alert> action) {
    return stored.forEachCreatedIn(created, action);
  }

  @Override
  public long count() {
    return stored.count();
  }

  @Override
  public Map<String, Long> countByRule() {
    return stored.countByRule();
  }
}
