package io.amlmonitor.flink;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.pipeline.Decision;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.jdbc.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Records decisions, with the alerts they raised, in the system of record, in batches: when {@value
 * #BATCH} are waiting, {@value #LINGER_MILLIS} ms after the first of a batch arrived (so that a
 * slow stream's decisions are not held until the next checkpoint), and before every checkpoint
 * completes. The repository keeps the first decision and alert per transaction, so a payment scored
 * again after a restore changes nothing: the writes are idempotent.
 */
final class DecisionSink implements Sink<Decision> {
  private static final int BATCH = 1_000;
  private static final long LINGER_MILLIS = 200;

  private final JobSettings.SqlTarget target;

  DecisionSink(JobSettings.SqlTarget target) {
    this.target = target;
  }

  @Override
  public SinkWriter<Decision> createWriter(WriterInitContext context) {
    return new Writer(Database.open(target.config()), context.getProcessingTimeService());
  }

  private static final class Writer implements SinkWriter<Decision> {
    private final Database database;
    private final List<DecisionRecord> decisions = new ArrayList<>(BATCH);
    private final List<Alert> alerts = new ArrayList<>();
    private final ProcessingTimeService time;
    private boolean lingering;

    Writer(Database database, ProcessingTimeService time) {
      this.database = database;
      this.time = time;
    }

    @Override
    public void write(Decision decision, Context context) {
      decisions.add(DecisionRecord.of(decision, Instant.now()));
      decision.raisedAlert().ifPresent(alerts::add);
      if (decisions.size() >= BATCH) {
        flush(false);
      } else if (!lingering) {
        lingering = true;
        // the callback runs in the task's thread, between records: no lock needed
        time.registerTimer(
            time.getCurrentProcessingTime() + LINGER_MILLIS,
            at -> {
              lingering = false;
              flush(false);
            });
      }
    }

    @Override
    public void flush(boolean endOfInput) {
      if (!decisions.isEmpty()) {
        database.decisions().saveAll(decisions, alerts);
        decisions.clear();
        alerts.clear();
      }
    }

    @Override
    public void close() {
      database.close();
    }
  }
}
