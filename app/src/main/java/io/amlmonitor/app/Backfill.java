package io.amlmonitor.app;

import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.feature.EventLog.Placement;
import io.amlmonitor.core.feature.FeatureEngine;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.graph.GraphFeatures;
import io.amlmonitor.core.graph.TransactionGraph;
import io.amlmonitor.generator.LabelledTransaction;
import io.amlmonitor.offline.LabelColumn;
import io.amlmonitor.offline.LabelType;
import io.amlmonitor.offline.OfflineStore;
import io.amlmonitor.offline.SnapshotRow;
import io.amlmonitor.offline.SnapshotWriter;
import io.amlmonitor.offline.TransactionParquetWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Replays history through the feature engine exactly as the live path does — features as of just
 * before each transaction, then the transaction into the windows — and writes, for every
 * transaction, that feature vector (a point-in-time snapshot) and the raw transaction to the
 * offline store. With a graph, the history enters it too, and each row also carries the payer's
 * graph features as of just before the transaction. A repeated transaction is skipped, as live it
 * changes nothing; a late one is written with the features it was scored with and counted.
 */
final class Backfill {
  /** The label columns a labelled input adds. */
  static final List<LabelColumn> LABELS =
      List.of(
          new LabelColumn("is_laundering", LabelType.BOOLEAN),
          new LabelColumn("typology", LabelType.STRING));

  /** What a backfill did. */
  record Summary(long rows, long duplicates, long late, double seconds) {
    double rowsPerSecond() {
      return seconds <= 0 ? rows : rows / seconds;
    }
  }

  private final FeatureEngine engine;
  private final TransactionGraph graph;

  /** A backfill of the engine's features alone. */
  Backfill(FeatureEngine engine) {
    this(engine, null);
  }

  /**
   * @param graph a fresh graph the history is replayed into as well, so each row also carries the
   *     payer's graph features as of just before the transaction; null for none
   */
  Backfill(FeatureEngine engine, TransactionGraph graph) {
    this.engine = engine;
    this.graph = graph;
  }

  /** The features each row carries: the engine's, then the graph's when there is a graph. */
  FeatureRegistry columns() {
    return graph == null ? engine.registry() : GraphFeatures.registry(engine.registry());
  }

  /**
   * Replays {@code history} into {@code store}.
   *
   * @param labelled whether to write the label columns
   * @param progress called with the rows written so far, every 10,000 rows
   */
  Summary run(
      Iterator<LabelledTransaction> history,
      boolean labelled,
      OfflineStore store,
      LongConsumer progress) {
    List<LabelColumn> labels = labelled ? LABELS : List.of();
    long started = System.nanoTime();
    long rows = 0;
    long duplicates = 0;
    long late = 0;
    try (SnapshotWriter snapshots = store.writeSnapshots(columns(), labels);
        TransactionParquetWriter transactions = store.writeTransactions(labels)) {
      try {
        while (history.hasNext()) {
          LabelledTransaction lt = history.next();
          Transaction t = lt.transaction();
          FeatureVector features = engine.featuresFor(t);
          double[] graphValues =
              graph == null ? null : GraphFeatures.values(graph.measures(t.customerId().value()));
          Placement placement = engine.ingest(t);
          if (placement == Placement.DUPLICATE) {
            duplicates++;
            continue;
          }
          if (graph != null) {
            // record, not add: accounts in the typologies found are flagged, as live
            graph.record(t);
          }
          if (placement == Placement.LATE) {
            late++;
          }
          Object[] values =
              labelled ? new Object[] {lt.isLaundering(), lt.typology().label()} : new Object[0];
          snapshots.write(SnapshotRow.of(t, row(features, graphValues), values));
          transactions.write(t, values);
          rows++;
          if (rows % 10_000 == 0) {
            progress.accept(rows);
          }
        }
      } catch (RuntimeException e) {
        snapshots.abort();
        transactions.abort();
        throw e;
      }
    }
    return new Summary(rows, duplicates, late, (System.nanoTime() - started) / 1e9);
  }

  private static double[] row(FeatureVector features, double[] graphValues) {
    double[] engineValues = features.toArray();
    if (graphValues == null) {
      return engineValues;
    }
    double[] all = Arrays.copyOf(engineValues, engineValues.length + graphValues.length);
    System.arraycopy(graphValues, 0, all, engineValues.length, graphValues.length);
    return all;
  }
}
