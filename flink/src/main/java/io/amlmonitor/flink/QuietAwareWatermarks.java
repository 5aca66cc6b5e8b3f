package io.amlmonitor.flink;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks, per partition, that catch up when the partition goes quiet:
 * while records arrive the watermark trails the newest time by the bound; once none has arrived for
 * as long as the bound, it moves up to the newest time, so the last payments before a pause are
 * applied and served without waiting for the next one.
 *
 * <p>A partition is marked idle (left out of the job's watermark) only when it has had no record
 * for a long time: {@code neverSeen} from the start for a partition that has had none (an empty
 * partition must not hold the others back for ever), {@code quiet} for one that has. Flink's own
 * {@code withIdleness} of a second lost payments here: when the machine is busy, a partition still
 * catching up on a backlog can go a second without a fetch, is marked idle, the other partitions
 * move the watermark hours ahead (history replays far faster than it happened), and its next
 * payments reach their entities later than the allowed lateness. A partition that has caught up
 * holds the watermark at its newest time instead, which is exact, and goes idle only after {@code
 * quiet}.
 */
final class QuietAwareWatermarks<T> implements WatermarkGenerator<T> {
  private final long boundMillis;
  private final long boundNanos;
  private final long neverSeenNanos;
  private final long quietNanos;
  private final long startNanos = System.nanoTime();
  private long newest = Long.MIN_VALUE;
  private long lastArrivalNanos;

  QuietAwareWatermarks(long boundMillis, Duration neverSeen, Duration quiet) {
    this.boundMillis = boundMillis;
    this.boundNanos = boundMillis * 1_000_000;
    this.neverSeenNanos = neverSeen.toNanos();
    this.quietNanos = quiet.toNanos();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    newest = Math.max(newest, eventTimestamp);
    lastArrivalNanos = System.nanoTime();
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long now = System.nanoTime();
    if (newest == Long.MIN_VALUE) {
      if (now - startNanos >= neverSeenNanos) {
        output.markIdle();
      }
      return;
    }
    long silent = now - lastArrivalNanos;
    if (silent >= quietNanos) {
      output.markIdle();
      return;
    }
    output.emitWatermark(new Watermark(silent >= boundNanos ? newest : newest - boundMillis - 1));
  }
}
