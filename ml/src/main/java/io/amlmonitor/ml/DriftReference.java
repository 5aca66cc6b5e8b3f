package io.amlmonitor.ml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the model's inputs and score looked like when it was trained, as histograms to measure drift
 * against: per input, bins cut at the reference's deciles, and the share of reference rows in each;
 * the same for the model's score. Saved in the model's metadata as {@value #KEY}.
 */
public final class DriftReference {
  public static final String KEY = "drift_reference";

  /** Bins per histogram (fewer when values repeat, as counts do). */
  public static final int BINS = 10;

  /**
   * One histogram: bin 0 holds values below {@code edges[0]}, bin i values in [{@code edges[i-1]},
   * {@code edges[i]}), the last values at or above the last edge.
   */
  public record Bins(double[] edges, double[] proportions) {
    public Bins {
      if (proportions.length != edges.length + 1) {
        throw new IllegalArgumentException(
            edges.length
                + " edges need "
                + (edges.length + 1)
                + " proportions, not "
                + proportions.length);
      }
      edges = edges.clone();
      proportions = proportions.clone();
    }

    /** Cuts at the deciles of {@code values} (distinct ones only) and counts their shares. */
    public static Bins of(double[] values, int bins) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double[] cuts = new double[bins - 1];
      int n = 0;
      for (int q = 1; q < bins && sorted.length > 0; q++) {
        double v = sorted[(int) ((long) q * sorted.length / bins)];
        if (n == 0 || v > cuts[n - 1]) {
          cuts[n++] = v;
        }
      }
      double[] edges = Arrays.copyOf(cuts, n);
      long[] counts = new long[n + 1];
      for (double v : values) {
        counts[bin(edges, v)]++;
      }
      double[] proportions = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        proportions[i] = values.length == 0 ? 0 : (double) counts[i] / values.length;
      }
      return new Bins(edges, proportions);
    }

    public int bin(double value) {
      return bin(edges, value);
    }

    public int size() {
      return proportions.length;
    }

    private static int bin(double[] edges, double value) {
      int lo = 0;
      int hi = edges.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (value >= edges[mid]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("edges", edges);
      m.put("proportions", proportions);
      return m;
    }

    static Bins fromJson(JsonNode node) {
      return new Bins(doubles(node.path("edges")), doubles(node.path("proportions")));
    }

    private static double[] doubles(JsonNode array) {
      double[] out = new double[array.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = array.get(i).asDouble();
      }
      return out;
    }
  }

  private final Map<String, Bins> features;
  private final Bins score;

  public DriftReference(Map<String, Bins> features, Bins score) {
    this.features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    this.score = score;
  }

  /**
   * The reference of a model: every input's histogram over {@code inputs} (the training period) and
   * the score's over {@code scores} (the model's scores on a period it did not learn from, as it
   * will see live traffic).
   */
  public static DriftReference of(Dataset inputs, double[] scores) {
    Map<String, Bins> features = new LinkedHashMap<>();
    double[] column = new double[inputs.size()];
    for (int j = 0; j < inputs.featureCount(); j++) {
      for (int i = 0; i < inputs.size(); i++) {
        column[i] = inputs.row(i)[j];
      }
      features.put(inputs.featureNames().get(j), Bins.of(column, BINS));
    }
    return new DriftReference(features, Bins.of(scores, BINS));
  }

  /** The reference saved in a model's metadata, if it has one (models trained before it do not). */
  public static Optional<DriftReference> fromMetadata(JsonNode metadata) {
    JsonNode node = metadata.path(KEY);
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    Map<String, Bins> features = new LinkedHashMap<>();
    node.path("features")
        .fields()
        .forEachRemaining(e -> features.put(e.getKey(), Bins.fromJson(e.getValue())));
    return Optional.of(new DriftReference(features, Bins.fromJson(node.path("score"))));
  }

  public Map<String, Bins> features() {
    return features;
  }

  public Bins score() {
    return score;
  }

  /** As written to the metadata. */
  public Map<String, Object> toMap() {
    Map<String, Object> f = new LinkedHashMap<>();
    features.forEach((name, bins) -> f.put(name, bins.toMap()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bins", BINS);
    m.put("features", f);
    m.put("score", score.toMap());
    return m;
  }

  /**
   * The population stability index of {@code observed} counts against {@code expected} shares: Σ (a
   * − e)·ln(a / e) over the bins, with a and e floored at {@value #FLOOR} so an empty bin counts as
   * rare rather than impossible. 0 when nothing was observed.
   */
  public static double psi(double[] expected, long[] observed) {
    long total = 0;
    for (long c : observed) {
      total += c;
    }
    if (total == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < expected.length; i++) {
      double e = Math.max(expected[i], FLOOR);
      double a = Math.max((double) observed[i] / total, FLOOR);
      sum += (a - e) * Math.log(a / e);
    }
    return sum;
  }

  static final double FLOOR = 1e-4;
}
