package io.amlmonitor.app;

import java.io.PrintStream;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The demo's live line: transactions, rate, alerts, p99 latency, queue, simulated time. Redrawn in
 * place on a terminal; printed every five seconds otherwise, so that logs stay readable.
 */
final class Progress {
  private static final DateTimeFormatter SIM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final AppMessages msg;
  private final DemoStats stats;
  private final EmbeddedRuntime runtime;
  private final StreamClock clock;
  private final long started;
  private final StatusLine status;
  private final NumberFormat numbers;
  private long lastCount;
  private long lastNanos;
  private int ticks;

  Progress(
      PrintStream out,
      AppMessages msg,
      DemoStats stats,
      EmbeddedRuntime runtime,
      StreamClock clock,
      long started) {
    this.status = new StatusLine(out);
    this.msg = msg;
    this.stats = stats;
    this.runtime = runtime;
    this.clock = clock;
    this.started = started;
    this.lastNanos = started;
    this.numbers = NumberFormat.getNumberInstance(msg.locale());
    numbers.setMaximumFractionDigits(2);
  }

  synchronized void tick() {
    long now = System.nanoTime();
    long count = stats.decisions();
    double rate = (count - lastCount) / Math.max(1e-9, (now - lastNanos) / 1e9);
    lastCount = count;
    lastNanos = now;
    double p99 = stats.intervalPercentileMicros(99) / 1000.0;
    ticks++;
    if (!status.isTerminal() && ticks % 5 != 0) {
      return;
    }
    long elapsed = (now - started) / 1_000_000_000L;
    String line =
        msg.get(
            "demo.progress",
            String.format("%02d:%02d", elapsed / 60, elapsed % 60),
            count,
            Math.round(rate),
            stats.alerts(),
            numbers.format(p99),
            runtime.pipeline().queued(),
            SIM.format(Instant.from(clock.instant())));
    status.show(line);
  }

  synchronized void finish() {
    status.end();
  }
}
