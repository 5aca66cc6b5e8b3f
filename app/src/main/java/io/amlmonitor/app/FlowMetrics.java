package io.amlmonitor.app;

import com.sun.net.httpserver.HttpServer;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.core.flow.FlowStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows' metrics in Prometheus form: counters, rates, workers, queues, store latency and what
 * each worker thread allocates, per flow (label {@code flow}), plus the JVM's own.
 *
 * <p>A batch job is gone before a scraper comes back, so the metrics are also written to a file in
 * the node exporter's textfile-collector format, replaced atomically every second and once more at
 * the end; while the flows run they can also be scraped from {@code /metrics} on a port.
 */
final class FlowMetrics implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlowMetrics.class);
  private static final String PREFIX = "aml.flow.";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final InstantSource clock;
  private final Path file;
  private final HttpServer http;
  private final ScheduledExecutorService ticker;
  private final Map<String, Flow> flows = new ConcurrentHashMap<>();

  /**
   * @param file where the metrics are written, or null
   * @param port where {@code /metrics} is served while the flows run, or 0 for nowhere
   * @throws UncheckedIOException when the port cannot be bound
   */
  FlowMetrics(Path file, int port, InstantSource clock) {
    this.clock = clock;
    this.file = file == null ? null : file.toAbsolutePath();
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    this.http = port > 0 ? serve(port) : null;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "flow-metrics");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  /** The port {@code /metrics} is served on, or 0. */
  int port() {
    return http == null ? 0 : http.getAddress().getPort();
  }

  /** Starts reporting {@code stats} as the metrics of {@code flow}'s run. */
  void started(FlowName flow, FlowStats stats) {
    Flow f = new Flow(flow.label(), stats, System.nanoTime());
    Flow old = flows.put(f.name, f);
    if (old != null) {
      throw new IllegalStateException(flow.label() + " is already reported");
    }
    f.register();
  }

  /** Marks {@code flow}'s run as over, successful or not, and writes the file. */
  void finished(FlowName flow, boolean completed) {
    Flow f = flows.get(flow.label());
    if (f != null) {
      f.sample();
      f.running = false;
      f.completed = completed;
      f.finishedAt = clock.instant().toEpochMilli() / 1000.0;
    }
    write();
  }

  /** The metrics in Prometheus text format. */
  String scrape() {
    return registry.scrape();
  }

  private void tick() {
    try {
      flows.values().forEach(Flow::sample);
      write();
    } catch (RuntimeException e) {
      LOG.warn("flow metrics not updated: {}", e.toString());
    }
  }

  private synchronized void write() {
    if (file == null) {
      return;
    }
    try {
      Path dir = file.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      // The collector must never read half a file: write beside it, then rename over it.
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, scrape(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("could not write the flow metrics to {}: {}", file, e.toString());
    }
  }

  private HttpServer serve(int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext(
          "/metrics",
          exchange -> {
            try (exchange) {
              byte[] body = scrape().getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            }
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the flow metrics on port " + port, e);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    flows.values().forEach(Flow::sample);
    write();
    if (http != null) {
      http.stop(0);
    }
    gc.close();
    registry.close();
  }

  /** One flow's run: its meters, and the samples its rates are computed from. */
  private final class Flow {
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);

    final String name;
    final FlowStats stats;
    final Tags tags;
    final long startedNanos;
    final Map<String, Boolean> reported = new ConcurrentHashMap<>();
    volatile boolean running = true;
    volatile boolean completed;
    volatile double finishedAt;
    private final Rate processed = new Rate();
    private final Rate flagged = new Rate();

    Flow(String name, FlowStats stats, long startedNanos) {
      this.name = name;
      this.stats = stats;
      this.tags = Tags.of("flow", name);
      this.startedNanos = startedNanos;
    }

    void register() {
      counter("items.read", "Items read from the store, warm-up included", FlowStats::read);
      counter(
          "items.processed",
          "Items finished: scored and stored, or fed to the windows only",
          FlowStats::processed);
      counter("records.written", "Records stored that were not there before", FlowStats::written);
      counter(
          "flagged",
          "Items that reached the flow's threshold: alert candidates, high ratings, alerts raised",
          FlowStats::flagged);
      counter("items.failed", "Items the flow could not process and skipped", FlowStats::failed);
      counter("store.errors", "Store calls that failed", FlowStats::storeErrors);
      counter(
          "store.timeouts",
          "Store calls that failed because the store was away or too slow",
          FlowStats::storeTimeouts);
      counter(
          "worker.crashes", "Workers that died of an unexpected error", FlowStats::workerCrashes);
      FunctionTimer.builder(
              PREFIX + "store.write",
              stats,
              FlowStats::storeWrites,
              FlowStats::storeWriteNanos,
              TimeUnit.NANOSECONDS)
          .description("Writes of a batch to the store, and their time")
          .tags(tags)
          .register(registry);
      FunctionTimer.builder(
              PREFIX + "processing",
              stats,
              FlowStats::processed,
              FlowStats::processingNanos,
              TimeUnit.NANOSECONDS)
          .description(
              "Items processed, and the time spent in the flow's own code (features, rules)")
          .tags(tags)
          .register(registry);
      gauge("items.per.second", "Items processed per second over the last 5 seconds", processed);
      gauge("flagged.per.second", "Items flagged per second over the last 5 seconds", flagged);
      Gauge.builder(PREFIX + "workers", stats, FlowStats::workers)
          .description("Worker threads of the run")
          .tags(tags)
          .register(registry);
      Gauge.builder(PREFIX + "workers.busy", stats, FlowStats::busyWorkers)
          .description("Workers busy with a batch")
          .tags(tags)
          .register(registry);
      Gauge.builder(PREFIX + "queue.length", stats, FlowStats::queued)
          .description("Batches waiting between the flow's stages")
          .tags(tags)
          .register(registry);
      Gauge.builder(PREFIX + "running", this, f -> f.running ? 1 : 0)
          .description("1 while the flow runs")
          .tags(tags)
          .register(registry);
      Gauge.builder(PREFIX + "completed", this, f -> f.completed ? 1 : 0)
          .description("1 once the flow completed; 0 while it runs or when it failed")
          .tags(tags)
          .register(registry);
      Gauge.builder(PREFIX + "finished.timestamp.seconds", this, f -> f.finishedAt)
          .description("When the flow's run ended, in seconds since the epoch (0 while it runs)")
          .tags(tags)
          .register(registry);
    }

    private void counter(String name, String description, ToDoubleFunction<FlowStats> f) {
      FunctionCounter.builder(PREFIX + name, stats, f)
          .description(description)
          .tags(tags)
          .register(registry);
    }

    private void gauge(String name, String description, Rate rate) {
      Gauge.builder(PREFIX + name, rate, r -> running ? r.perSecond() : 0)
          .description(description)
          .tags(tags)
          .register(registry);
    }

    /** Takes a sample for the rates and starts reporting threads the flow started since. */
    void sample() {
      if (!running) {
        return;
      }
      long now = System.nanoTime();
      processed.add(now, stats.processed());
      flagged.add(now, stats.flagged());
      for (String thread : stats.allocatedBytesByThread().keySet()) {
        if (reported.putIfAbsent(thread, Boolean.TRUE) == null) {
          FunctionCounter.builder(
                  PREFIX + "thread.allocated.bytes",
                  stats,
                  st -> st.allocatedBytesByThread().getOrDefault(thread, 0L))
              .description(
                  "Bytes of heap a thread allocated while it worked for the flow (memory per "
                      + "worker)")
              .baseUnit("bytes")
              .tags(tags.and("thread", thread))
              .register(registry);
        }
      }
    }

    /** A rate over the last few seconds, from samples of a growing count. */
    private final class Rate {
      private long fromNanos = startedNanos;
      private long fromCount;
      private long lastNanos = startedNanos;
      private long lastCount;
      private double perSecond;

      synchronized void add(long nanos, long count) {
        if (nanos - fromNanos > RATE_WINDOW_NANOS) {
          fromNanos = lastNanos;
          fromCount = lastCount;
        }
        lastNanos = nanos;
        lastCount = count;
        long span = nanos - fromNanos;
        perSecond = span <= 0 ? 0 : (count - fromCount) * 1e9 / span;
      }

      synchronized double perSecond() {
        return perSecond;
      }
    }
  }
}
