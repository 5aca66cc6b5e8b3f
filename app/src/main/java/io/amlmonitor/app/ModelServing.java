package io.amlmonitor.app;

import io.amlmonitor.core.scoring.RiskModel;
import io.amlmonitor.core.scoring.Scorer;
import io.amlmonitor.ml.ModelRegistry;
import io.amlmonitor.ml.PromotedModelWatcher;
import io.amlmonitor.ml.TreeRiskModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the live scorer on the registry's promoted model: loaded at start, swapped in when {@code
 * aml models promote} or {@code rollback} changes it (polled every {@link #POLL}), rules alone
 * while none is promoted.
 */
final class ModelServing implements PromotedModelWatcher.Listener, AutoCloseable {
  static final Duration POLL = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(ModelServing.class);

  private final Scorer scorer;
  private final ModelRegistry registry;
  private final PromotedModelWatcher watcher;
  private volatile String lastError;

  private ModelServing(Scorer scorer, Path registryDir) {
    this.scorer = scorer;
    this.registry = new ModelRegistry(registryDir);
    this.watcher = new PromotedModelWatcher(registry, this);
  }

  /** Loads the promoted model into {@code scorer} now and follows the registry from then on. */
  static ModelServing start(Scorer scorer, Path registryDir, Duration poll) {
    ModelServing serving = new ModelServing(scorer, registryDir);
    serving.watcher.start(poll);
    if (scorer.model().isEmpty()) {
      LOG.info("No model promoted in {}: scoring by rules alone", registryDir);
    }
    return serving;
  }

  @Override
  public void changed(Optional<TreeRiskModel> model) {
    if (model.isPresent()) {
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

  /** What {@code /health} shows of the model. */
  Map<String, Object> health() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", scorer.model().map(RiskModel::version).orElse("none (rules alone)"));
    m.put("registry", registry.root().toString());
    if (lastError != null) {
      m.put("load_error", lastError);
    }
    return m;
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
