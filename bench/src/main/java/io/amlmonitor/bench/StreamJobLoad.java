package io.amlmonitor.bench;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.rules.RuleSetLoader;
import io.amlmonitor.flink.Checkpoints;
import io.amlmonitor.flink.JobSettings;
import io.amlmonitor.flink.StreamFloor;
import io.amlmonitor.flink.StreamJob;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.kafka.KafkaBroker;
import io.amlmonitor.kafka.Topics;
import io.amlmonitor.kafka.TransactionProducer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/**
 * The streaming job's throughput and end-to-end freshness on this machine, with an in-process KRaft
 * broker, a local Flink MiniCluster and the machine's Redis (decisions are not recorded: the job
 * alone is measured, as features served from Redis plus alerts to Kafka).
 *
 * <p>Throughput: {@code transactions} generated payments (20,000 customers, 1,000 merchants) are
 * produced first, then the job runs to the end of the topic; the rate is payments over the job's
 * wall time, start-up included. Freshness: the job runs on while a producer sends {@code rate}
 * payments a second, time-stamped when sent, and every 20 ms a probe payment from a new customer; a
 * poller asks Redis for each probe's state until it is there. Freshness is the time from handing
 * the probe to the producer to its state being readable in Redis, as {@code aml serve} would read
 * it.
 *
 * <p>Usage: {@code java -cp "bench/target/benchmarks.jar:bench/target/lib/*"
 * io.amlmonitor.bench.StreamJobLoad [transactions=1000000] [parallelism=2] [rate=5000]
 * [probes=1000] [out-of-orderness-ms=200]}
 *
 * <p>The throughput line also gives the process's CPU time over the job's run, less exposed than
 * wall time to other processes on a shared machine. With {@code -Daml.bench.timeline=FILE}, the
 * freshness run writes each probe's send time and latency and each checkpoint's start (its
 * directory appears) and end (its {@code _metadata} appears), in ms of JVM uptime, the clock of
 * {@code -Xlog:gc*:file=...:uptimemillis}, so that slow probes can be lined up with checkpoints and
 * collections. {@code -Daml.bench.checkpoint-interval=60s} changes the checkpoint interval (default
 * 10 s, as {@code FLINK_CHECKPOINT_INTERVAL}). {@code -Daml.bench.floor=decode|shape} runs, instead
 * of the job, one of {@link StreamFloor}'s empty jobs over the same records, and only the
 * throughput.
 */
public final class StreamJobLoad {
  /** FLINK_OUT_OF_ORDERNESS of the runs. */
  private static long disorderMillis;

  private StreamJobLoad() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int rate = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 5_000;
    int probes = args.length > 3 ? Integer.parseInt(args[3].replace("_", "")) : 1_000;
    disorderMillis = args.length > 4 ? Long.parseLong(args[4]) : 200;
    Path dir = Files.createTempDirectory("aml-stream-load");
    String prefix = "aml-bench-stream:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    try (KafkaBroker broker =
        KafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", 0, Duration.ofSeconds(60))) {
      String servers = broker.bootstrapServers();
      try (Topics topics = new Topics(servers)) {
        for (String t : List.of("load", "live", "alerts", "dead")) {
          topics.ensure(t, t.equals("alerts") || t.equals("dead") ? 1 : 4, Duration.ofSeconds(60));
        }
      }
      long produceStart = System.nanoTime();
      produce(servers, n);
      double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
      System.out.printf(
          Locale.ROOT, "produced %,d in %.1f s (%,.0f/s)%n", n, produceSeconds, n / produceSeconds);

      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.getExecutionEnvironment(
              Checkpoints.configuration(dir.resolve("ck-load"), null));
      String floor = System.getProperty("aml.bench.floor");
      if (floor == null) {
        new StreamJob(settings(servers, "load", prefix + "load:", true, parallelism)).build(env);
      } else {
        StreamFloor.build(env, StreamFloor.Mode.parse(floor), servers, "load", parallelism);
      }
      long jobStart = System.nanoTime();
      long cpuStart = processCpuNanos();
      env.execute("stream-load");
      double jobSeconds = (System.nanoTime() - jobStart) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "throughput: %,d transactions in %.1f s = %,.0f/s (parallelism %d, start-up included);"
              + " process CPU %.1f s = %.1f µs per transaction%n",
          n,
          jobSeconds,
          n / jobSeconds,
          parallelism,
          cpuSeconds,
          cpuSeconds * 1e6 / n);
      if (floor != null) {
        return;
      }

      freshness(servers, prefix + "live:", parallelism, rate, probes, dir);
    } finally {
      removeKeys(prefix);
    }
  }

  private static void freshness(
      String servers, String prefix, int parallelism, int rate, int probes, Path dir)
      throws Exception {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            Checkpoints.configuration(dir.resolve("ck-live"), null));
    new StreamJob(settings(servers, "live", prefix, false, parallelism)).build(env);
    JobClient job = env.executeAsync("stream-live");
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> latencies = new ArrayList<>();
    List<String> timeline = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean done = new AtomicBoolean();
    Thread watcher = checkpointWatcher(dir.resolve("ck-live"), timeline, done);
    Thread poller =
        new Thread(
            () -> {
              try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
                while (!done.get() || !sentAt.isEmpty()) {
                  for (Map.Entry<String, Long> e : sentAt.entrySet()) {
                    if (jedis.exists(prefix + "state:CUSTOMER:" + e.getKey())) {
                      long latency = System.nanoTime() - e.getValue();
                      synchronized (latencies) {
                        latencies.add(latency);
                      }
                      timeline.add(
                          String.format(
                              Locale.ROOT,
                              "probe %s sent %.1f latency %.1f",
                              e.getKey(),
                              uptimeMillis(e.getValue()),
                              latency / 1e6));
                      sentAt.remove(e.getKey());
                    }
                  }
                  Thread.onSpinWait();
                }
              }
            },
            "freshness-poller");
    poller.start();
    Iterator<LabelledTransaction> background =
        Generator.create(GeneratorConfig.of(20_000, 1_000, 30, 7)).iterator();
    try (TransactionProducer producer = new TransactionProducer(servers, "live", Map.of())) {
      // warm-up: 5 s of background load before the first probe
      long start = System.nanoTime();
      long sent = 0;
      int probe = 0;
      long nextProbe = start + Duration.ofSeconds(5).toNanos();
      while (probe < probes) {
        long now = System.nanoTime();
        long due = (now - start) * rate / 1_000_000_000L;
        while (sent < due && background.hasNext()) {
          producer.send(background.next().transaction().withTimestamp(Instant.now()));
          sent++;
        }
        if (now >= nextProbe) {
          String customer = "PROBE-" + probe++;
          Transaction t =
              Transaction.builder()
                  .id("P-" + customer)
                  .timestamp(Instant.now())
                  .customer(customer)
                  .merchant("M000001")
                  .amount(42.0)
                  .build();
          sentAt.put(customer, System.nanoTime());
          producer.send(t);
          nextProbe = now + Duration.ofMillis(20).toNanos();
        }
        Thread.sleep(0, 200_000);
      }
      producer.flush();
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    done.set(true);
    int lost = sentAt.size();
    sentAt.clear();
    poller.join();
    watcher.join();
    String timelineFile = System.getProperty("aml.bench.timeline");
    if (timelineFile != null) {
      Files.write(Path.of(timelineFile), timeline);
    }
    job.cancel().get();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "freshness over %d probes at %,d tx/s background (parallelism %d, out-of-orderness %d ms):"
            + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d not seen within 30 s%n",
        sorted.length,
        rate,
        parallelism,
        disorderMillis,
        pct(sorted, 0.50),
        pct(sorted, 0.90),
        pct(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
        lost);
  }

  private static final long JVM_START_NANOS =
      System.nanoTime()
          - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;

  private static double uptimeMillis(long nanoTime) {
    return (nanoTime - JVM_START_NANOS) / 1e6;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Notes when each checkpoint's directory and then its {@code _metadata} appear. */
  private static Thread checkpointWatcher(Path root, List<String> timeline, AtomicBoolean done) {
    Thread t =
        new Thread(
            () -> {
              java.util.Set<String> started = new java.util.HashSet<>();
              java.util.Set<String> completed = new java.util.HashSet<>();
              while (!done.get()) {
                try (var jobs = Files.list(root)) {
                  for (Path job : jobs.toList()) {
                    try (var checkpoints = Files.list(job)) {
                      for (Path c : checkpoints.toList()) {
                        String name = c.getFileName().toString();
                        if (!name.startsWith("chk-")) {
                          continue;
                        }
                        double now = uptimeMillis(System.nanoTime());
                        if (started.add(name)) {
                          timeline.add(String.format(Locale.ROOT, "%s start %.1f", name, now));
                        }
                        if (!completed.contains(name) && Files.exists(c.resolve("_metadata"))) {
                          completed.add(name);
                          timeline.add(String.format(Locale.ROOT, "%s end %.1f", name, now));
                        }
                      }
                    }
                  }
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                  // not there yet, or a checkpoint removed while listed
                }
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "checkpoint-watcher");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static double pct(long[] sorted, double p) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static JobSettings settings(
      String servers, String topic, String prefix, boolean bounded, int parallelism) {
    String rules;
    try (InputStream in =
        StreamJobLoad.class.getClassLoader().getResourceAsStream(RuleSetLoader.DEFAULT_RESOURCE)) {
      rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new JobSettings(
        new JobSettings.Source(servers, topic, "bench", bounded),
        new JobSettings.Scoring(
            "UTC", Duration.ofMinutes(5), rules, "bundled", 0.3, 0.6, 0.6, "en", null),
        new JobSettings.RedisTarget(
            "127.0.0.1", 6379, prefix, Duration.ofHours(1), Duration.ofMillis(10)),
        null,
        "dead",
        "alerts",
        parallelism,
        Duration.parse("PT" + System.getProperty("aml.bench.checkpoint-interval", "10s")),
        Duration.ofMillis(disorderMillis));
  }

  /** In a method of its own, so that the generated list is garbage before the job runs. */
  private static void produce(String servers, int n) {
    List<Transaction> stream = generated(n);
    try (TransactionProducer producer = new TransactionProducer(servers, "load", Map.of())) {
      stream.forEach(producer::send);
      producer.flush();
    }
  }

  /**
   * The first {@code n} payments of 20,000 customers and 1,000 merchants, over as many days as that
   * takes (30 days hold about 826,000).
   */
  private static List<Transaction> generated(int n) {
    int days = Math.max(30, (int) Math.ceil(n / 25_000.0));
    Iterator<LabelledTransaction> it =
        Generator.create(GeneratorConfig.of(20_000, 1_000, days, 42)).iterator();
    List<Transaction> out = new ArrayList<>(n);
    while (it.hasNext() && out.size() < n) {
      out.add(it.next().transaction());
    }
    if (out.size() < n) {
      throw new IllegalStateException("generated " + out.size() + " payments, not " + n);
    }
    return out;
  }

  private static void removeKeys(String prefix) {
    try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        var page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(1_000));
        if (!page.getResult().isEmpty()) {
          jedis.del(page.getResult().toArray(new String[0]));
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
  }
}
