package io.amlmonitor.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amlmonitor.core.feature.FeatureRegistry;
import io.amlmonitor.core.feature.FeatureVector;
import io.amlmonitor.core.scoring.FeatureContribution;
import io.amlmonitor.core.scoring.RiskModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A registered gradient-boosted model as the scorer's {@link RiskModel}: {@link TreeEnsemble}
 * scores, {@link ShapTable} explains (or {@link TreeShap} when the trees are too deep to tabulate).
 * Inputs are matched to the model's {@code feature_names} by name, so the order of the catalogue
 * does not matter and features added to it later are ignored; {@value #AMOUNT} is the transaction's
 * amount, and a name the vector does not have is missing (NaN, which each split sends to its
 * default side, as in training on a missing value).
 *
 * <p>Implementation note: the name-to-position layout is worked out once per feature registry and
 * kept; a scorer sees one registry, so it is computed once.
 */
public final class TreeRiskModel implements RiskModel {
  /** The input that is the transaction's amount rather than a feature of the vector. */
  public static final String AMOUNT = "amount";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FROM_AMOUNT = -2;
  private static final int MISSING = -1;

  private final String version;
  private final List<String> featureNames;
  // asked for each transaction (whether to read the graph): a hash look-up, not a scan of ~95 names
  private final Set<String> inputs;
  private final TreeEnsemble model;
  private final ShapTable table;
  private final ThreadLocal<TreeShap> shap;
  private final DriftMonitor drift;
  private volatile Layout layout;

  /** Where each model input comes from, for one registry. */
  private record Layout(FeatureRegistry registry, int[] source) {}

  /**
   * @param featureNames the model's inputs in row order, as its metadata lists them
   * @throws ModelException when the names do not match the model's width
   */
  public TreeRiskModel(String version, List<String> featureNames, TreeEnsemble model) {
    this(version, featureNames, model, null);
  }

  /**
   * @param drift what the model was trained on, to count live rows against; null: no drift is
   *     measured
   */
  public TreeRiskModel(
      String version, List<String> featureNames, TreeEnsemble model, DriftReference drift) {
    this.version = Objects.requireNonNull(version, "version");
    this.featureNames = List.copyOf(featureNames);
    this.inputs = Set.copyOf(this.featureNames);
    this.model = Objects.requireNonNull(model, "model");
    if (this.featureNames.size() != model.featureCount()) {
      throw new ModelException(
          "model "
              + version
              + " names "
              + this.featureNames.size()
              + " features but its trees read "
              + model.featureCount());
    }
    this.table = ShapTable.build(model, ShapTable.DEFAULT_BUDGET);
    this.shap = ThreadLocal.withInitial(() -> new TreeShap(model));
    this.drift = drift == null ? null : new DriftMonitor(drift, this.featureNames);
  }

  /** The model of a registry entry, its inputs named by its metadata's {@code feature_names}. */
  public static TreeRiskModel of(ModelRegistry.RegisteredModel registered) {
    return of(
        registered.metadata(),
        registered.model(),
        "the metadata in " + registered.directory(),
        true);
  }

  /**
   * The model in {@code files}, read in pure Java (no XGBoost, no registry directory).
   *
   * @param measureDrift whether to count the rows it scores against its training reference, when
   *     its metadata has one ({@link #drift()})
   * @throws ModelException when the files are not a model this evaluator reads
   */
  public static TreeRiskModel of(ModelFiles files, boolean measureDrift) {
    JsonNode metadata;
    try {
      metadata = JSON.readTree(files.metadataJson());
    } catch (IOException e) {
      throw new ModelException(
          "the metadata of model " + files.version() + " is not JSON: " + e.getMessage(), e);
    }
    return of(
        metadata,
        TreeEnsemble.fromXgboostJson(files.modelJson()),
        "the metadata of model " + files.version(),
        measureDrift);
  }

  private static TreeRiskModel of(
      JsonNode metadata, TreeEnsemble model, String where, boolean measureDrift) {
    List<String> names = new ArrayList<>();
    metadata.path("feature_names").forEach(n -> names.add(n.asText()));
    String version = metadata.path("version").asText();
    if (version.isEmpty()) {
      throw new ModelException(where + " has no version");
    }
    return new TreeRiskModel(
        version,
        names,
        model,
        measureDrift ? DriftReference.fromMetadata(metadata).orElse(null) : null);
  }

  @Override
  public String version() {
    return version;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public TreeEnsemble ensemble() {
    return model;
  }

  /** The drift of what this model scored from what it was trained on, if it has a reference. */
  public Optional<DriftMonitor> drift() {
    return Optional.ofNullable(drift);
  }

  @Override
  public double probability(FeatureVector features, double amount) {
    double[] x = row(features, amount);
    double p = model.predict(x);
    if (drift != null) {
      drift.observe(x, p);
    }
    return p;
  }

  @Override
  public List<FeatureContribution> contributions(FeatureVector features, double amount) {
    double[] x = row(features, amount);
    double[] phi = phi(x);
    int[] order = new int[x.length];
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (phi[i] != 0) {
        // Insertion sort on primitives, stable (equal values keep input order): a row has a few
        // dozen inputs, and sorting records by a comparator cost several times as much.
        int j = n++;
        while (j > 0 && phi[order[j - 1]] < phi[i]) {
          order[j] = order[j - 1];
          j--;
        }
        order[j] = i;
      }
    }
    List<FeatureContribution> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(contribution(x, phi, order[k]));
    }
    return out;
  }

  @Override
  public boolean reads(String feature) {
    return inputs.contains(feature);
  }

  /** As the default, by selection from the SHAP values: no list of every input, no sort. */
  @Override
  public List<FeatureContribution> strongestContributions(
      FeatureVector features, double amount, int limit) {
    double[] x = row(features, amount);
    double[] phi = phi(x);
    boolean[] taken = new boolean[x.length];
    List<FeatureContribution> top = new ArrayList<>(limit);
    while (top.size() < limit) {
      int best = -1;
      for (int i = 0; i < x.length; i++) {
        if (!taken[i] && phi[i] > 0 && (best < 0 || phi[i] > phi[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      top.add(contribution(x, phi, best));
    }
    return top;
  }

  private double[] phi(double[] x) {
    return table != null ? table.contributions(x) : shap.get().contributions(x);
  }

  private FeatureContribution contribution(double[] x, double[] phi, int i) {
    return new FeatureContribution(featureNames.get(i), x[i], phi[i]);
  }

  /**
   * The model's input row for a vector and an amount; an input the engine's registry lacks is read
   * from the vector's external (graph) features, and is missing when they do not have it.
   */
  double[] row(FeatureVector features, double amount) {
    int[] source = layoutFor(features.registry());
    double[] x = new double[source.length];
    for (int i = 0; i < source.length; i++) {
      int s = source[i];
      x[i] =
          s >= 0
              ? features.get(s)
              : s == FROM_AMOUNT
                  ? amount
                  : features.externalValue(featureNames.get(i)).orElse(Double.NaN);
    }
    return x;
  }

  private int[] layoutFor(FeatureRegistry registry) {
    Layout l = layout;
    if (l == null || l.registry() != registry) {
      int[] source = new int[featureNames.size()];
      Arrays.fill(source, MISSING);
      for (int i = 0; i < source.length; i++) {
        String name = featureNames.get(i);
        source[i] = name.equals(AMOUNT) ? FROM_AMOUNT : Math.max(MISSING, registry.indexOf(name));
      }
      l = new Layout(registry, source);
      layout = l;
    }
    return l.source();
  }
}
