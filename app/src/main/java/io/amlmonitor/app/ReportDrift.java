package io.amlmonitor.app;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.report.ModelDrift;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.ml.DriftMonitor;
import io.amlmonitor.ml.DriftReference;
import io.amlmonitor.ml.ModelRegistry;
import io.amlmonitor.ml.TreeRiskModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The promoted model's drift over a report's period, from the decision log: each decision made in
 * the period has its feature values stored; with its transaction's amount they give the model's
 * input row again, which is scored and counted against the reference the model was trained with.
 *
 * <p>A stored decision keeps the features that applied to it; one that did not (a merchant's, for a
 * transfer) was 0 in the vector the model read, and is 0 here. A model input the catalogue does not
 * have is missing, as it was live. Amounts come from the transactions that happened in the period
 * (held in memory while the decisions are read: about 100 bytes each); a decision whose transaction
 * happened outside it is left out.
 */
final class ReportDrift {
  private ReportDrift() {}

  /** The drift, or empty when no model is promoted or the promoted one has no reference. */
  static Optional<ModelDrift> of(Database db, ModelRegistry models, TimeRange period) {
    Optional<String> promoted = models.promoted();
    if (promoted.isEmpty()) {
      return Optional.empty();
    }
    TreeRiskModel model = TreeRiskModel.of(models.load(promoted.get()));
    Optional<DriftReference> reference =
        DriftReference.fromMetadata(models.metadata(promoted.get()));
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    DriftMonitor monitor = new DriftMonitor(reference.get(), model.featureNames());
    Map<String, Double> amounts = new HashMap<>();
    db.transactions().forEachIn(period, t -> amounts.put(t.id().value(), t.amount().toDouble()));
    FeatureRegistry catalogue = FeatureRegistry.standard();
    List<String> names = model.featureNames();
    db.decisions()
        .forEachCreatedIn(
            period,
            d -> {
              Double amount = amounts.get(d.transactionId().value());
              if (amount != null) {
                double[] row = row(d, amount, names, catalogue);
                monitor.observe(row, model.ensemble().predict(row));
              }
            });
    DriftMonitor.Status status = monitor.status();
    List<ModelDrift.InputDrift> inputs = new ArrayList<>();
    status.featurePsi().forEach((name, psi) -> inputs.add(new ModelDrift.InputDrift(name, psi)));
    return Optional.of(
        new ModelDrift(
            promoted.get(),
            status.observed(),
            status.observed() == 0 ? Double.NaN : status.scorePsi(),
            inputs));
  }

  static double[] row(
      DecisionRecord d, double amount, List<String> names, FeatureRegistry catalogue) {
    double[] row = new double[names.size()];
    for (int i = 0; i < row.length; i++) {
      String name = names.get(i);
      Number value = d.features().get(name);
      if (name.equals(TreeRiskModel.AMOUNT)) {
        row[i] = amount;
      } else if (value != null) {
        row[i] = value.doubleValue();
      } else {
        row[i] = catalogue.indexOf(name) >= 0 ? 0 : Double.NaN;
      }
    }
    return row;
  }
}
