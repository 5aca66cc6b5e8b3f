package io.amlmonitor.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings of {@code aml flows}, resolved and checked once at start-up.
 *
 * @param batchSize transactions per batch ({@code FLOW_BATCH_SIZE})
 * @param workers threads that score and store ({@code FLOW_WORKERS})
 * @param riskThreshold the lowest customer risk score rated high ({@code RISK_SCORE_THRESHOLD})
 * @param lookbackDays how many days before {@code --as-of} the flows look at ({@code
 *     FLOW_LOOKBACK_DAYS})
 * @param warmUpDays history before the period that only feeds the windows ({@code
 *     FLOW_WARM_UP_DAYS}), or -1 for all of it
 * @param suppression how long a repeat of an alert's pattern for the same customer is held back
 *     ({@code ALERT_SUPPRESSION})
 * @param webhook where alert notifications are posted ({@code ALERT_WEBHOOK_URL}), or null
 * @param storeRetry how long a flow waits for a store that went away before it fails ({@code
 *     FLOW_STORE_RETRY})
 * @param metricsFile where the flows' Prometheus metrics are written, in the node exporter's
 *     textfile format ({@code FLOW_METRICS_FILE}), or null
 * @param metricsPort the port on which the flows serve {@code /metrics} while they run ({@code
 *     FLOW_METRICS_PORT}), or 0 for none
 */
public record FlowSettings(
    int batchSize,
    int workers,
    double riskThreshold,
    int lookbackDays,
    int warmUpDays,
    Duration suppression,
    URI webhook,
    Duration storeRetry,
    Path metricsFile,
    int metricsPort) {

  public static FlowSettings resolve(ConfigSources s) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new FlowSettings(
        Settings.integer(s, "FLOW_BATCH_SIZE", 10_000, 1, 1_000_000),
        Settings.integer(s, "FLOW_WORKERS", Math.max(1, cores), 1, 256),
        Settings.fraction(s, "RISK_SCORE_THRESHOLD", 0.7),
        Settings.integer(s, "FLOW_LOOKBACK_DAYS", 30, 1, 36_500),
        Settings.integer(s, "FLOW_WARM_UP_DAYS", -1, -1, 36_500),
        Settings.duration(s, "ALERT_SUPPRESSION", Duration.ofHours(24), Duration.ofDays(365)),
        webhook(s.get("ALERT_WEBHOOK_URL")),
        Settings.duration(s, "FLOW_STORE_RETRY", Duration.ofMinutes(5), Duration.ofDays(1)),
        metricsFile(s.get("FLOW_METRICS_FILE")),
        Settings.integer(s, "FLOW_METRICS_PORT", 0, 0, 65_535));
  }

  private static Path metricsFile(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      Path p = Path.of(v.strip());
      if (Files.isDirectory(p)) {
        throw new ConfigException("FLOW_METRICS_FILE", v, "is a directory; give a file name");
      }
      return p;
    } catch (InvalidPathException e) {
      throw new ConfigException("FLOW_METRICS_FILE", v, "is not a file name: " + e.getReason());
    }
  }

  private static URI webhook(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      URI u = new URI(v.strip());
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw new ConfigException("ALERT_WEBHOOK_URL", v, "must be an http or https URL");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new ConfigException("ALERT_WEBHOOK_URL", v, "is not a URL: " + e.getReason());
    }
  }
}
