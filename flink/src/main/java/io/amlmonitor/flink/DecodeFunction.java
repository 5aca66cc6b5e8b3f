package io.amlmonitor.flink;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.kafka.DeadLetterRecords;
import io.amlmonitor.kafka.MalformedRecordException;
import io.amlmonitor.kafka.TransactionRecords;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads each record of the transactions topic; one that is not a valid transaction goes, whole and
 * with the reason, to the dead-letters output, and the stream moves on.
 */
final class DecodeFunction extends ProcessFunction<Events.Raw, Transaction> {
  static final OutputTag<byte[]> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  private transient Counter deadLetters;

  @Override
  public void open(OpenContext context) {
    deadLetters = getRuntimeContext().getMetricGroup().counter("aml_dead_letters");
  }

  @Override
  public void processElement(Events.Raw raw, Context ctx, Collector<Transaction> out) {
    try {
      out.collect(TransactionRecords.decode(raw.value()));
    } catch (MalformedRecordException e) {
      deadLetters.inc();
      ctx.output(
          DEAD_LETTERS,
          DeadLetterRecords.encode(
              raw.value(),
              raw.topic(),
              raw.partition(),
              raw.offset(),
              e.getMessage(),
              Instant.now()));
    }
  }
}
