package io.amlmonitor.app.config;

import java.time.Duration;

/**
 * How the streaming job runs, resolved and checked once at start-up.
 *
 * @param parallelism parallel instances of each operator ({@code FLINK_PARALLELISM}, default 2)
 * @param checkpointInterval how often the job checkpoints ({@code FLINK_CHECKPOINT_INTERVAL},
 *     default 10 s)
 * @param outOfOrderness how far the watermark trails the newest transaction time ({@code
 *     FLINK_OUT_OF_ORDERNESS}, default 200 ms): each entity takes its payments in event-time order
 *     within it
 */
public record FlinkSettings(int parallelism, Duration checkpointInterval, Duration outOfOrderness) {

  public static FlinkSettings resolve(ConfigSources s) {
    int parallelism = Settings.integer(s, "FLINK_PARALLELISM", 2, 1, 1_024);
    Duration interval =
        Settings.duration(
            s, "FLINK_CHECKPOINT_INTERVAL", Duration.ofSeconds(10), Duration.ofHours(1));
    if (interval.toMillis() < 100) {
      throw new ConfigException(
          "FLINK_CHECKPOINT_INTERVAL",
          s.get("FLINK_CHECKPOINT_INTERVAL"),
          "must be at least 100ms");
    }
    Duration disorder =
        Settings.duration(
            s, "FLINK_OUT_OF_ORDERNESS", Duration.ofMillis(200), Duration.ofMinutes(10));
    return new FlinkSettings(parallelism, interval, disorder);
  }
}
