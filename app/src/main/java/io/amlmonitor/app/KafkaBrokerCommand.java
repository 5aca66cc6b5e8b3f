package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.KafkaSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.kafka.KafkaBroker;
import io.amlmonitor.kafka.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aml kafka-broker}: a single-node Kafka broker from the project's own dependencies. */
@Command(
    name = "kafka-broker",
    mixinStandardHelpOptions = true,
    description = {
      "Run a single-node Kafka broker (KRaft: no ZooKeeper) in this process until Ctrl-C, with "
          + "the transactions topic created and ready. For development and demos: one node, no "
          + "replication, plaintext.",
      "Its log is kept under --dir: started again there, it has its topics and records back."
    })
final class KafkaBrokerCommand implements Callable<Integer> {
  private static final Duration START = Duration.ofSeconds(60);

  @Mixin CommonOptions common;

  @Option(names = "--host", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "Port for clients (default ${DEFAULT-VALUE}).")
  int port = 9092;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where the broker keeps its log (default: kafka under the data directory).")
  Path dir;

  @Option(
      names = "--topic",
      paramLabel = "NAME",
      description = "Topic to create (KAFKA_TOPIC, default transactions).")
  String topic;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Its partitions, if it is new (KAFKA_PARTITIONS, default 4).")
  Integer partitions;

  private final PrintStream out;

  /** Counted down to stop the broker: by Ctrl-C, or by a test. */
  final CountDownLatch stopped = new CountDownLatch(1);

  KafkaBrokerCommand() {
    this(System.out);
  }

  KafkaBrokerCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = common.asSettings();
    CommonOptions.put(flags, "KAFKA_TOPIC", topic);
    CommonOptions.put(flags, "KAFKA_PARTITIONS", partitions);
    ConfigSources sources = ConfigSources.standard(flags);
    Settings settings = Settings.resolve(sources);
    KafkaSettings kafka = KafkaSettings.resolve(sources);
    if (port < 0 || port > 65_535) {
      throw new io.amlmonitor.app.config.ConfigException(
          "--port", String.valueOf(port), "must be between 0 (any free port) and 65535");
    }
    Logging.configure(settings.logLevel(), common.verbose);
    AppMessages msg = new AppMessages(settings.locale());
    Path logDir = dir != null ? dir : settings.dataDir().resolve("kafka");
    // Ctrl-C: the hook lets the broker close its log cleanly before the JVM goes (the broker
    // closes first: resources close in reverse order).
    try (ShutdownWait shutdown = new ShutdownWait(stopped, null, "kafka-broker-stop");
        KafkaBroker broker = KafkaBroker.start(logDir, host, port, START)) {
      try (Topics topics = new Topics(broker.bootstrapServers())) {
        int n = topics.ensure(kafka.topic(), kafka.partitions(), START);
        out.println(
            msg.get(
                "kafkaBroker.ready",
                broker.bootstrapServers(),
                logDir.toAbsolutePath(),
                kafka.topic(),
                n));
      }
      shutdown.register();
      stopped.await();
      out.println(msg.get("kafkaBroker.stopping"));
    }
    return 0;
  }
}
