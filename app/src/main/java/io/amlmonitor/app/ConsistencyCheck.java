package io.amlmonitor.app;

import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.feature.CustomerProfiles;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.offline.SnapshotReader;
import io.amlmonitor.offline.SnapshotRow;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Training/serving consistency: the features the live path served for each transaction, against the
 * features a backfill wrote for it, value by value, bit for bit.
 */
final class ConsistencyCheck {
  static final int EXAMPLES = 10;

  /** One value that differs. */
  record Mismatch(String transactionId, String feature, double live, double offline) {}

  /** The outcome of a comparison. */
  record Report(
      long compared,
      int features,
      long mismatchedValues,
      List<Mismatch> examples,
      long missing,
      List<String> missingExamples) {
    boolean consistent() {
      return mismatchedValues == 0 && missing == 0;
    }
  }

  private ConsistencyCheck() {}

  /**
   * Scores {@code history} through the live path — the embedded runtime's pipeline with its
   * partitions, rules and alerts — and keeps the features each transaction was scored with, by
   * transaction id. Repeated transactions are left out, as the backfill leaves them out.
   */
  static Map<String, double[]> live(
      Iterator<LabelledTransaction> history, Settings settings, CustomerProfiles profiles)
      throws InterruptedException {
    Map<String, double[]> served = new ConcurrentHashMap<>();
    try (EmbeddedRuntime runtime =
        new EmbeddedRuntime(
            settings,
            InstantSource.system(),
            d -> {
              if (d.placement() != Placement.DUPLICATE) {
                served.put(d.transaction().id().value(), d.assessment().features().toArray());
              }
            },
            profiles,
            LiveStores.none())) {
      while (history.hasNext()) {
        runtime.pipeline().submit(history.next().transaction());
      }
      runtime.pipeline().drainAndStop(Duration.ofMinutes(10));
    }
    return served;
  }

  /** Compares every row of {@code offline} with what was served live. */
  static Report compare(
      Map<String, double[]> live, SnapshotReader offline, FeatureRegistry registry) {
    long compared = 0;
    long mismatched = 0;
    long missing = 0;
    List<Mismatch> examples = new ArrayList<>();
    List<String> missingExamples = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (offline.hasNext()) {
      SnapshotRow row = offline.next();
      String id = row.transactionId();
      seen.add(id);
      double[] served = live.get(id);
      if (served == null) {
        missing++;
        if (missingExamples.size() < EXAMPLES) {
          missingExamples.add(id + " is offline but was not served live");
        }
        continue;
      }
      compared++;
      for (int i = 0; i < served.length; i++) {
        double value = row.feature(i);
        if (Double.doubleToLongBits(value) != Double.doubleToLongBits(served[i])) {
          mismatched++;
          if (examples.size() < EXAMPLES) {
            examples.add(new Mismatch(id, registry.get(i).name(), served[i], value));
          }
        }
      }
    }
    for (String id : live.keySet()) {
      if (!seen.contains(id)) {
        missing++;
        if (missingExamples.size() < EXAMPLES) {
          missingExamples.add(id + " was served live but is not offline");
        }
      }
    }
    return new Report(compared, registry.size(), mismatched, examples, missing, missingExamples);
  }
}
