package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.KafkaSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.domain.Channel;
import io.amlmonitor.core.domain.InvalidFieldException;
import io.amlmonitor.core.domain.Merchant;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.generator.Generator;
import io.amlmonitor.generator.GeneratorConfig;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.generator.Typology;
import io.amlmonitor.kafka.Topics;
import io.amlmonitor.kafka.TransactionProducer;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aml produce}: generated transactions into the Kafka transactions topic. */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = {
      "Write generated transactions to Kafka (KAFKA_BOOTSTRAP_SERVERS, topic KAFKA_TOPIC) as JSON "
          + "records keyed by customer, at a steady rate, until --count, the end of the generated "
          + "history, or Ctrl-C. The topic is created if it does not exist.",
      "Exits 0 when every record was acknowledged, 1 when some could not be written, 2 on a bad "
          + "option."
    })
final class ProduceCommand implements Callable<Integer> {
  private static final Duration READY = Duration.ofSeconds(60);

  @Mixin CommonOptions common;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Kafka brokers (KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(
      names = "--topic",
      paramLabel = "NAME",
      description = "Topic (KAFKA_TOPIC, default transactions).")
  String topic;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Partitions if the topic is created (KAFKA_PARTITIONS, default 4).")
  Integer partitions;

  @Option(
      names = "--rate",
      defaultValue = "5.0",
      description =
          "Transactions per second; 0 sends as fast as Kafka takes them (default "
              + "${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "Stop after this many transactions (default: the whole generated history).")
  Long count;

  @Option(
      names = "--burst-customer",
      paramLabel = "ID",
      description = "First send a burst of rapid payments by this customer (e.g. C000001).")
  String burstCustomer;

  @Option(
      names = "--burst-size",
      defaultValue = "30",
      description = "Payments in the burst (default ${DEFAULT-VALUE}).")
  int burstSize;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      description =
          "Keep only this laundering typology besides normal activity: structuring, "
              + "velocity_burst, account_takeover, rapid_movement, fan_in, fan_out, cycle, "
              + "night_activity, high_risk_geography, dormant_reactivation; or none (normal only).")
  String scenario;

  @Option(
      names = "--event-time",
      defaultValue = "send",
      paramLabel = "send|generated",
      description =
          "send: each transaction happens when it is sent (a live stream); generated: the "
              + "generator's history times (default ${DEFAULT-VALUE}).")
  String eventTime;

  @Option(
      names = "--customers",
      defaultValue = "3000",
      description = "Customers (default ${DEFAULT-VALUE}).")
  int customers;

  @Option(
      names = "--merchants",
      defaultValue = "300",
      description = "Merchants (default ${DEFAULT-VALUE}).")
  int merchants;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "Days of history to draw from (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--laundering-share",
      defaultValue = "0.05",
      description = "Share of customers in laundering episodes (default ${DEFAULT-VALUE}).")
  double launderingShare;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  private final PrintStream out;
  private final InstantSource clock;

  ProduceCommand() {
    this(System.out, InstantSource.system());
  }

  ProduceCommand(PrintStream out, InstantSource clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = common.asSettings();
    CommonOptions.put(flags, "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    CommonOptions.put(flags, "KAFKA_TOPIC", topic);
    CommonOptions.put(flags, "KAFKA_PARTITIONS", partitions);
    ConfigSources sources = ConfigSources.standard(flags);
    Settings settings = Settings.resolve(sources);
    KafkaSettings kafka = KafkaSettings.resolve(sources);
    String servers = kafka.requireBootstrapServers();
    checkOptions();
    Typology only = scenario == null ? null : typology(scenario);
    boolean sendTime = "send".equals(eventTime);
    Logging.configure(settings.logLevel(), common.verbose);
    AppMessages msg = new AppMessages(settings.locale());
    GeneratorConfig config =
        Populations.config(customers, merchants, days, seed, launderingShare, settings.zone());
    Generator generator = Generator.create(config);

    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.set(true);
              try {
                finished.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "produce-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    long sent = 0;
    long started = System.nanoTime();
    StatusLine status = new StatusLine(out);
    try (Topics topics = new Topics(servers);
        TransactionProducer producer = new TransactionProducer(servers, kafka.topic(), Map.of())) {
      int n = topics.ensure(kafka.topic(), kafka.partitions(), READY);
      out.println(msg.get("produce.start", kafka.topic(), n, servers, rateText()));
      long limit = count == null ? Long.MAX_VALUE : count;
      if (burstCustomer != null) {
        Iterator<Transaction> burst = burst(generator.merchants(), config.start());
        while (burst.hasNext() && sent < limit && !stop.get()) {
          Transaction t = burst.next();
          producer.send(sendTime ? t.withTimestamp(clock.instant()) : t);
          sent++;
        }
      }
      Iterator<LabelledTransaction> it = generator.iterator();
      long paced = 0;
      while (it.hasNext() && sent < limit && !stop.get()) {
        LabelledTransaction lt = it.next();
        if (only != null && lt.isLaundering() && lt.typology() != only) {
          continue;
        }
        Transaction t = lt.transaction();
        producer.send(sendTime ? t.withTimestamp(clock.instant()) : t);
        sent++;
        paced++;
        pace(started, paced);
        long s = sent;
        status.showEvery(
            () ->
                msg.get(
                    "produce.progress",
                    s,
                    Math.round(s / Math.max((System.nanoTime() - started) / 1e9, 1e-3)),
                    producer.acknowledged()));
      }
      long failedBefore = producer.failed();
      try {
        producer.flush();
      } catch (io.amlmonitor.kafka.KafkaUnavailableException e) {
        // reported below with the counts
      }
      status.end();
      double seconds = (System.nanoTime() - started) / 1e9;
      out.println(
          msg.get(
              "produce.done",
              sent,
              kafka.topic(),
              String.format("%.1f", seconds),
              Math.round(sent / Math.max(seconds, 1e-3)),
              producer.acknowledged(),
              Math.max(producer.failed(), failedBefore)));
      return producer.failed() == 0 ? 0 : 1;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running and waits for us
      }
    }
  }

  private void checkOptions() {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new ConfigException("--rate", String.valueOf(rate), "must be 0 (no limit) or more");
    }
    if (count != null && count < 1) {
      throw new ConfigException("--count", String.valueOf(count), "must be at least 1");
    }
    if (burstSize < 1 || burstSize > 100_000) {
      throw new ConfigException(
          "--burst-size", String.valueOf(burstSize), "must be between 1 and 100000");
    }
    if (!"send".equals(eventTime) && !"generated".equals(eventTime)) {
      throw new ConfigException("--event-time", eventTime, "must be send or generated");
    }
    if (burstCustomer != null && burstCustomer.isBlank()) {
      throw new ConfigException("--burst-customer", burstCustomer, "must name a customer");
    }
  }

  private static Typology typology(String name) {
    try {
      return Typology.parse(name);
    } catch (InvalidFieldException e) {
      throw new ConfigException("--scenario", name, e.getMessage());
    }
  }

  private String rateText() {
    return rate == 0 ? "∞" : String.valueOf(rate);
  }

  /**
   * {@code burstSize} card payments by the burst customer to a few merchants, one to three seconds
   * apart from {@code start}, from one device and address: a velocity burst.
   */
  private Iterator<Transaction> burst(List<Merchant> merchantList, Instant start) {
    Random random = new Random(seed);
    String runTag = Long.toString(clock.instant().toEpochMilli(), 36);
    return new Iterator<>() {
      int i;
      Instant at = start;

      @Override
      public boolean hasNext() {
        return i < burstSize;
      }

      @Override
      public Transaction next() {
        at = at.plusMillis(1_000 + random.nextInt(2_000));
        Merchant m = merchantList.get(random.nextInt(Math.min(5, merchantList.size())));
        return Transaction.builder()
            .id("BURST-" + runTag + "-" + i++)
            .timestamp(at)
            .customer(burstCustomer.strip())
            .merchant(m.id())
            .amount(20 + random.nextInt(48_000) / 100.0)
            .channel(Channel.CARD)
            .ipAddress("203.0.113." + (1 + random.nextInt(250)))
            .deviceId("burst-device")
            .build();
      }
    };
  }

  /** Sleeps just enough to keep to the rate. */
  private void pace(long started, long sent) throws InterruptedException {
    if (rate == 0) {
      return;
    }
    long due = started + (long) (sent * 1e9 / rate);
    long ahead = due - System.nanoTime();
    if (ahead > 1_000_000) {
      TimeUnit.NANOSECONDS.sleep(ahead);
    }
  }
}
