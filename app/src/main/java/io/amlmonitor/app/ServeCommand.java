package io.amlmonitor.app;

import io.amlmonitor.app.config.ConfigException;
import io.amlmonitor.app.config.ConfigSources;
import io.amlmonitor.app.config.KafkaSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.server.ApiServer;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Serves the HTTP API over the embedded pipeline until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the scoring API (POST /predict, /docs, /health, ...) until Ctrl-C.",
      "Scores with the rules and the model promoted in AML_DATA_DIR/models (aml models promote),"
          + " switching to a newly promoted or rolled-back version within seconds."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on (API_PORT, default 8000).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to listen on (API_HOST, default 127.0.0.1).")
  String host;

  @Option(
      names = "--from-stream",
      description =
          "Serve what `aml stream` counts: features from its Redis (REDIS_HOST), and each scored "
              + "transaction written to its topic (KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC), where the "
              + "job counts it and records its decision. This instance then writes no feature "
              + "state.")
  boolean fromStream;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> flags = common.asSettings();
    CommonOptions.put(flags, "API_PORT", port);
    CommonOptions.put(flags, "API_HOST", host);
    ConfigSources sources = ConfigSources.standard(flags);
    Settings settings = Settings.resolve(sources);
    EmbeddedRuntime.StreamFeed feed = null;
    if (fromStream) {
      KafkaSettings kafka = KafkaSettings.resolve(sources);
      if (settings.redis() == null) {
        throw new ConfigException(
            "REDIS_HOST", "", "is not set: --from-stream serves the job's features from Redis");
      }
      feed = new EmbeddedRuntime.StreamFeed(kafka.requireBootstrapServers(), kafka.topic());
    }
    Logging.configure(settings.logLevel(), common.verbose);
    CountDownLatch stopped = new CountDownLatch(1);
    try (EmbeddedRuntime runtime =
        new EmbeddedRuntime(
            settings,
            InstantSource.system(),
            d -> {},
            CustomerProfiles.NONE,
            LiveStores.open(settings),
            feed)) {
      ApiServer server = runtime.startApi(settings.apiPort());
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "shutdown"));
      System.out.printf(
          "AML Monitor API on http://%s:%d  (docs: /docs, health: /health) — Ctrl-C to stop%n",
          settings.apiHost(), server.port());
      stopped.await();
    }
    return 0;
  }
}
