package io.amlmonitor.app.config;

import java.util.regex.Pattern;

/**
 * Where the transactions topic is, resolved and checked once at start-up.
 *
 * @param bootstrapServers {@code host:port[,host:port…]} ({@code KAFKA_BOOTSTRAP_SERVERS}), or null
 *     when none is set
 * @param topic the transactions topic ({@code KAFKA_TOPIC})
 * @param partitions partitions of the topic when it has to be created ({@code KAFKA_PARTITIONS})
 */
public record KafkaSettings(String bootstrapServers, String topic, int partitions) {
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern SERVERS =
      Pattern.compile("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*");

  public static KafkaSettings resolve(ConfigSources s) {
    String servers = s.get("KAFKA_BOOTSTRAP_SERVERS");
    if (servers != null) {
      servers = servers.strip().replace(" ", "");
      if (servers.isEmpty()) {
        servers = null;
      } else if (!SERVERS.matcher(servers).matches()) {
        throw new ConfigException(
            "KAFKA_BOOTSTRAP_SERVERS", servers, "must be host:port[,host:port...]");
      }
    }
    String topic = s.get("KAFKA_TOPIC");
    topic = topic == null || topic.isBlank() ? "transactions" : topic.strip();
    if (!TOPIC.matcher(topic).matches()) {
      throw new ConfigException(
          "KAFKA_TOPIC", topic, "must be 1 to 249 letters, digits, '.', '_' or '-'");
    }
    return new KafkaSettings(servers, topic, Settings.integer(s, "KAFKA_PARTITIONS", 4, 1, 10_000));
  }

  /**
   * The bootstrap servers.
   *
   * @throws ConfigException when none is set
   */
  public String requireBootstrapServers() {
    if (bootstrapServers == null) {
      throw new ConfigException(
          "KAFKA_BOOTSTRAP_SERVERS",
          "",
          "is not set: point it at your brokers, or start one with `aml kafka-broker`");
    }
    return bootstrapServers;
  }
}
