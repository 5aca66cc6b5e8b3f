package io.amlmonitor.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node Kafka broker in this process, in KRaft mode (it is its own controller; no
 * ZooKeeper), for development, demos and tests. Its log lives in a directory of ours: started again
 * on the same directory, it keeps its topics and records.
 *
 * <p>Not for production: one node, replication factor 1, plaintext on the given host.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final String CONTROLLER = "CONTROLLER";
  private static final int NODE_ID = 1;

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Formats {@code dir} if it is new, starts the broker on {@code host:port} (0 picks a free port)
   * and waits until it answers.
   *
   * @throws KafkaUnavailableException when it does not start within {@code timeout}
   */
  public static KafkaBroker start(Path dir, String host, int port, Duration timeout) {
    try {
      Path logDir = dir.toAbsolutePath();
      Files.createDirectories(logDir);
      int brokerPort = port == 0 ? freePort() : port;
      int controllerPort = freePort();
      Properties p = new Properties();
      p.put("process.roles", "broker,controller");
      p.put("node.id", String.valueOf(NODE_ID));
      p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
      p.put(
          "listeners",
          "PLAINTEXT://"
              + host
              + ":"
              + brokerPort
              + ","
              + CONTROLLER
              + "://"
              + host
              + ":"
              + controllerPort);
      p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
      p.put("controller.listener.names", CONTROLLER);
      p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
      p.put("inter.broker.listener.name", "PLAINTEXT");
      p.put("log.dirs", logDir.toString());
      p.put("num.partitions", "1");
      p.put("offsets.topic.replication.factor", "1");
      p.put("offsets.topic.num.partitions", "1");
      p.put("transaction.state.log.replication.factor", "1");
      p.put("transaction.state.log.min.isr", "1");
      p.put("share.coordinator.state.topic.replication.factor", "1");
      p.put("share.coordinator.state.topic.min.isr", "1");
      p.put("group.initial.rebalance.delay.ms", "0");
      p.put("auto.create.topics.enable", "false");
      // Time retention goes by the records' own timestamps, which are the transactions' event
      // times: replayed or generated history is older than the default 7 days, and the broker
      // would delete it 30 s after starting, under a job still reading it (offsets out of range,
      // payments silently skipped). A development broker keeps everything.
      p.put("log.retention.ms", "-1");
      KafkaConfig config = KafkaConfig.fromProps(p, false);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        new Formatter()
            .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
            .setNodeId(NODE_ID)
            .setClusterId(Uuid.randomUuid().toString())
            .setDirectories(List.of(logDir.toString()))
            .setMetadataLogDirectory(logDir.toString())
            .setControllerListenerName(CONTROLLER)
            .run();
      }
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      KafkaBroker broker = new KafkaBroker(server, host + ":" + brokerPort);
      broker.awaitReady(timeout);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the Kafka log directory " + dir, e);
    } catch (KafkaUnavailableException e) {
      throw e;
    } catch (Exception e) {
      throw new KafkaUnavailableException("the Kafka broker did not start: " + e.getMessage(), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000))) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception notYet) {
          if (System.nanoTime() > deadline) {
            close();
            throw new KafkaUnavailableException(
                "the Kafka broker did not answer within " + timeout, notYet);
          }
        }
        Thread.sleep(100);
      }
    }
  }

  /** Where clients connect: {@code host:port}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Stops the broker and waits until it has stopped; its log stays. */
  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
