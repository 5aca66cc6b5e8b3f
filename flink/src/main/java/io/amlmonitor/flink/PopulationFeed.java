package io.amlmonitor.flink;

import io.amlmonitor.core.feature.PopulationStats;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.array.LongPrimitiveArraySerializer;

/**
 * A task's population statistics, fed with the accepted payments (a broadcast input) so that every
 * read finds them as the embedded engine would: every payment before it, and none lost.
 *
 * <p>Payments arrive as the source reads them, and a replay reads some partitions far ahead of
 * others. {@link PopulationStats} keeps a ring of 32 hours, and a read looks up to 26 hours back: a
 * payment more than about 6 hours ahead of a read would take the slot of an hour it still needs,
 * and that hour's payments, arriving later, would be dropped as too old (the stream job read
 * population features of 0 where the embedded engine had values). So a payment more than {@link
 * #AHEAD} after the watermark waits ({@link #HELD}, checkpointed); a read takes the waiting ones
 * within {@code AHEAD} of its own time. Reads are at the parts' times, which after a jump of the
 * watermark (hours at a time in a replay) are hours behind it. Live, payments are milliseconds
 * ahead of the watermark and none waits.
 *
 * <p>Implementation note: the keyed side of a broadcast function may not change broadcast state,
 * yet its reads must see the waiting payments they have reached. So two statistics are kept: {@link
 * #POPULATION} in the broadcast state, changed only by the broadcast side (which counts a waiting
 * payment there once the watermark is within {@code AHEAD} of it), so that it and {@link #HELD}
 * always agree; and {@link #readable}, what reads and Redis see, which also takes the waiting
 * payments the reads have reached ({@link #catchUp}).
 */
final class PopulationFeed {
  static final MapStateDescriptor<Integer, PopulationStats> POPULATION =
      new MapStateDescriptor<>("population", IntSerializer.INSTANCE, PopulationSerializer.INSTANCE);

  /** Payments waiting to be counted: cents by event time (milliseconds). */
  static final MapStateDescriptor<Long, long[]> HELD =
      new MapStateDescriptor<>(
          "population-held", LongSerializer.INSTANCE, LongPrimitiveArraySerializer.INSTANCE);

  /** How far ahead of the watermark, or of a read, a payment is counted: well within 6 hours. */
  static final long AHEAD = Duration.ofHours(1).toMillis();

  private final PopulationStats checkpointed = new PopulationStats();
  private final PopulationStats readable = new PopulationStats();
  private final TreeMap<Long, long[]> held = new TreeMap<>();
  // held payments up to this time are in readable
  private long readableUpTo = Long.MIN_VALUE;
  private boolean adopted;
  private boolean changed;

  /** The statistics reads see. */
  PopulationStats readable() {
    return readable;
  }

  /** Whether {@link #readable} changed since the last call. */
  boolean takeChanged() {
    boolean was = changed;
    changed = false;
    return was;
  }

  /** Continues from what a restored checkpoint holds, once, before the first use. */
  void adopt(
      ReadOnlyBroadcastState<Integer, PopulationStats> population,
      ReadOnlyBroadcastState<Long, long[]> waiting)
      throws Exception {
    if (adopted) {
      return;
    }
    adopted = true;
    PopulationStats restored = population.get(0);
    if (restored != null && restored != checkpointed) {
      checkpointed.load(restored.toBytes());
      readable.load(restored.toBytes());
    }
    for (Map.Entry<Long, long[]> e : waiting.immutableEntries()) {
      held.put(e.getKey(), e.getValue().clone());
    }
  }

  /** Counts an accepted payment, or holds it while it is too far ahead of {@code watermark}. */
  void add(
      Events.Payment payment,
      long watermark,
      BroadcastState<Integer, PopulationStats> population,
      BroadcastState<Long, long[]> waiting)
      throws Exception {
    adopt(population, waiting);
    if (population.get(0) != checkpointed) {
      population.put(0, checkpointed);
    }
    release(watermark, waiting);
    if (payment.at() <= horizon(watermark)) {
      checkpointed.addPayment(payment.at(), payment.cents());
      readable.addPayment(payment.at(), payment.cents());
      changed = true;
      return;
    }
    long[] cents = held.get(payment.at());
    long[] more = cents == null ? new long[1] : Arrays.copyOf(cents, cents.length + 1);
    more[more.length - 1] = payment.cents();
    held.put(payment.at(), more);
    waiting.put(payment.at(), more);
  }

  /**
   * Before a read at {@code at} on the keyed side: takes the held payments within {@link #AHEAD} of
   * it. Not of the watermark: when the watermark jumps hours ahead (a replay), the parts it passed
   * are read one after the other at their own times, hours behind it.
   */
  void catchUp(long at) {
    long to = horizon(at);
    if (held.isEmpty() || to <= readableUpTo) {
      return;
    }
    for (Map.Entry<Long, long[]> e : held.subMap(readableUpTo, false, to, true).entrySet()) {
      for (long cents : e.getValue()) {
        readable.addPayment(e.getKey(), cents);
        changed = true;
      }
    }
    readableUpTo = to;
  }

  /** Counts in the checkpointed statistics the held payments {@code watermark} has reached. */
  private void release(long watermark, BroadcastState<Long, long[]> waiting) throws Exception {
    long to = horizon(watermark);
    Iterator<Map.Entry<Long, long[]>> due = held.headMap(to, true).entrySet().iterator();
    while (due.hasNext()) {
      Map.Entry<Long, long[]> e = due.next();
      for (long cents : e.getValue()) {
        checkpointed.addPayment(e.getKey(), cents);
        if (e.getKey() > readableUpTo) {
          readable.addPayment(e.getKey(), cents);
          changed = true;
        }
      }
      waiting.remove(e.getKey());
      due.remove();
    }
    readableUpTo = Math.max(readableUpTo, to);
  }

  private static long horizon(long watermark) {
    return watermark > Long.MAX_VALUE - AHEAD ? Long.MAX_VALUE : watermark + AHEAD;
  }
}
