package io.amlmonitor.ml;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a server on the registry's promoted model without a restart: {@link #refresh} reads which
 * version is promoted and, when it changed, loads it and hands it to the listener (which swaps it
 * into the scorer atomically); {@link #start} calls it on a daemon thread at an interval. A version
 * that cannot be loaded leaves the current model serving and is reported to the listener.
 */
public final class PromotedModelWatcher implements AutoCloseable {
  /** Told of every change of model and every version that could not be loaded. */
  public interface Listener {
    /** {@code model} now serves; empty when no version is promoted any more. */
    void changed(Optional<TreeRiskModel> model);

    /** {@code version} was promoted but could not be loaded; the previous model keeps serving. */
    void failed(String version, RuntimeException error);
  }

  private final ModelRegistry registry;
  private final Listener listener;
  private ScheduledExecutorService executor;
  private String loaded;
  private String failed;

  public PromotedModelWatcher(ModelRegistry registry, Listener listener) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Loads the promoted version if it is not the one loaded last.
   *
   * @return whether the serving model changed
   */
  public synchronized boolean refresh() {
    Optional<String> promoted;
    try {
      promoted = registry.promoted();
    } catch (ModelException e) {
      report(registry.root().toString(), e);
      return false;
    }
    String version = promoted.orElse(null);
    if (Objects.equals(version, loaded)) {
      return false;
    }
    if (version == null) {
      loaded = null;
      listener.changed(Optional.empty());
      return true;
    }
    TreeRiskModel model;
    try {
      model = TreeRiskModel.of(registry.load(version));
    } catch (RuntimeException e) {
      report(version, e);
      return false;
    }
    loaded = version;
    failed = null;
    listener.changed(Optional.of(model));
    return true;
  }

  private void report(String what, RuntimeException e) {
    // Once per bad version, not at every poll.
    if (!what.equals(failed)) {
      failed = what;
      listener.failed(what, e);
    }
  }

  /** The version loaded last; null when none. */
  public synchronized String loadedVersion() {
    return loaded;
  }

  /** Refreshes now, then every {@code interval} on a daemon thread, until closed. */
  public synchronized PromotedModelWatcher start(Duration interval) {
    if (executor != null) {
      throw new IllegalStateException("the watcher of " + registry.root() + " runs already");
    }
    refresh();
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "model-watcher");
              t.setDaemon(true);
              return t;
            });
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // A listener that throws must not stop the polling; it is told like a failed load.
      report(String.valueOf(loaded), e);
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
