package io.amlmonitor.flink;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks, per partition, that catch up when the partition goes quiet:
 * while records arrive the watermark trails the newest time by the bound; once none has arrived for
 * as long as the bound, it moves up to the newest time, so the last payments before a pause are
 * applied and served without waiting for the next one.
 */
final class QuietAwareWatermarks<T> implements WatermarkGenerator<T> {
  private final long boundMillis;
  private final long boundNanos;
  private long newest = Long.MIN_VALUE;
  private long lastArrivalNanos;

  QuietAwareWatermarks(long boundMillis) {
    this.boundMillis = boundMillis;
    this.boundNanos = boundMillis * 1_000_000;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    newest = Math.max(newest, eventTimestamp);
    lastArrivalNanos = System.nanoTime();
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (newest == Long.MIN_VALUE) {
      return;
    }
    boolean quiet = System.nanoTime() - lastArrivalNanos >= boundNanos;
    output.emitWatermark(new Watermark(quiet ? newest : newest - boundMillis - 1));
  }
}
