package io.amlmonitor.app;

import io.amlmonitor.core.scoring.RiskModel;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.ml.DriftMonitor;
import io.amlmonitor.ml.ModelRegistry;
import io.amlmonitor.ml.PromotedModelWatcher;
import io.amlmonitor.ml.TreeRiskModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the live scorer on the registry's promoted model: loaded at start, swapped in when {@code
 * aml models promote} or {@code rollback} changes it (polled every {@link #POLL}), rules alone
 * while none is promoted.
 */
final class ModelServing implements PromotedModelWatcher.Listener, AutoCloseable {
  static final Duration POLL = Duration.ofSeconds(2);

  /** Scored transactions before drift is judged: fewer make the PSI mostly noise. */
  static final long MIN_OBSERVED = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(ModelServing.class);

  private final Scorer scorer;
  private final ModelRegistry registry;
  private final PromotedModelWatcher watcher;
  private final MeterRegistry metrics;
  private final Set<String> gauges = ConcurrentHashMap.newKeySet();
  private volatile TreeRiskModel current;
  private volatile String lastError;

  private ModelServing(Scorer scorer, Path registryDir, MeterRegistry metrics) {
    this.scorer = scorer;
    this.metrics = metrics;
    this.registry = new ModelRegistry(registryDir);
    this.watcher = new PromotedModelWatcher(registry, this);
  }

  /** Loads the promoted model into {@code scorer} now and follows the registry from then on. */
  static ModelServing start(Scorer scorer, Path registryDir, Duration poll, MeterRegistry metrics) {
    ModelServing serving = new ModelServing(scorer, registryDir, metrics);
    Gauge.builder(
            "aml_model_score_psi",
            serving,
            s -> s.drift().map(DriftMonitor::scorePsi).orElse(Double.NaN))
        .description(
            "Population stability index of the model's score against its training reference")
        .register(metrics);
    Gauge.builder(
            "aml_model_drift_observed",
            serving,
            s -> s.drift().map(DriftMonitor::observed).orElse(0L))
        .description("Transactions scored by the model since it was loaded, counted for drift")
        .register(metrics);
    serving.watcher.start(poll);
    if (scorer.model().isEmpty()) {
      LOG.info("No model promoted in {}: scoring by rules alone", registryDir);
    }
    return serving;
  }

  @Override
  public void changed(Optional<TreeRiskModel> model) {
    current = model.orElse(null);
    if (model.isPresent()) {
      model.get().drift().ifPresent(d -> d.inputs().forEach(this::featureGauge));
      scorer.replaceModel(model.get());
      lastError = null;
      LOG.info(
          "Scoring with model {} ({} trees) from {}",
          model.get().version(),
          model.get().ensemble().treeCount(),
          registry.root());
    } else {
      scorer.removeModel();
      LOG.warn("No model is promoted in {} any more: scoring by rules alone", registry.root());
    }
  }

  @Override
  public void failed(String version, RuntimeException error) {
    lastError = version + ": " + error.getMessage();
    LOG.error(
        "Model {} is promoted but cannot be loaded; the current one keeps scoring: {}",
        version,
        error.getMessage());
  }

  /** One gauge per input, reading whichever model serves (NaN for an input it does not have). */
  private void featureGauge(String name) {
    if (gauges.add(name)) {
      Gauge.builder(
              "aml_model_feature_psi",
              this,
              s -> s.drift().map(d -> d.psi(name)).orElse(Double.NaN))
          .tag("feature", name)
          .description("Population stability index of a model input against its training reference")
          .register(metrics);
    }
  }

  /** The serving model's drift counts, if it serves and has a reference. */
  Optional<DriftMonitor> drift() {
    TreeRiskModel m = current;
    return m == null ? Optional.empty() : m.drift();
  }

  /**
   * What {@code /health} shows of the model: its version and, once enough transactions were scored,
   * its drift, with a {@code warning} naming what has a PSI above {@value DriftMonitor#WARNING}.
   */
  Map<String, Object> health() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", scorer.model().map(RiskModel::version).orElse("none (rules alone)"));
    m.put("registry", registry.root().toString());
    if (lastError != null) {
      m.put("load_error", lastError);
    }
    drift()
        .ifPresent(
            d -> {
              DriftMonitor.Status status = d.status();
              m.put("drift_observed", status.observed());
              m.put("score_psi", round(status.scorePsi()));
              status.featurePsi().entrySet().stream()
                  .filter(e -> !Double.isNaN(e.getValue()))
                  .max(Map.Entry.comparingByValue())
                  .ifPresent(
                      e -> {
                        m.put("max_feature_psi", round(e.getValue()));
                        m.put("max_feature_psi_name", e.getKey());
                      });
              Map<String, Double> above = status.above(DriftMonitor.WARNING);
              if (status.observed() >= MIN_OBSERVED && !above.isEmpty()) {
                StringBuilder w =
                    new StringBuilder("model drift: PSI above " + DriftMonitor.WARNING + " for ");
                above.entrySet().stream()
                    .limit(5)
                    .forEach(
                        e ->
                            w.append(e.getKey())
                                .append(" (")
                                .append(round(e.getValue()))
                                .append("), "));
                w.setLength(w.length() - 2);
                if (above.size() > 5) {
                  w.append(" and ").append(above.size() - 5).append(" more");
                }
                m.put("warning", w.toString());
              }
            });
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Checks the registry now (as the poll would). */
  boolean refresh() {
    return watcher.refresh();
  }

  @Override
  public void close() {
    watcher.close();
  }
}
