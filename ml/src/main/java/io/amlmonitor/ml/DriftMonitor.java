package io.amlmonitor.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts what a serving model sees into its reference's bins, and measures the drift from the
 * reference as a population stability index (PSI) per input and for the score. Thread-safe: counts
 * are atomic, and a status read while scoring goes on may miss the latest few rows.
 *
 * <p>Counts run from when the model was loaded (each promotion starts afresh); {@link #reset}
 * starts them again. Missing values (NaN) are not counted: a model reads them on its default side,
 * and they have no bin in a reference built from complete rows.
 */
public final class DriftMonitor {
  /** Above this PSI a distribution is usually read as having shifted significantly. */
  public static final double WARNING = 0.2;

  private final DriftReference reference;
  private final String[] names;
  private final DriftReference.Bins[] bins;
  private final int[] offsets;
  private final AtomicLongArray counts;
  private final AtomicLongArray scoreCounts;
  private final AtomicLong observed = new AtomicLong();

  /** What the PSIs are, over how many scored transactions. */
  public record Status(long observed, Map<String, Double> featurePsi, double scorePsi) {
    /** The inputs (and "score") whose PSI is above {@code threshold}, worst first. */
    public Map<String, Double> above(double threshold) {
      Map<String, Double> out = new LinkedHashMap<>();
      if (scorePsi > threshold) {
        out.put("score", scorePsi);
      }
      featurePsi.entrySet().stream()
          .filter(e -> e.getValue() > threshold)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }
  }

  /**
   * @param inputs the model's inputs in row order; those without a reference histogram are not
   *     watched
   */
  public DriftMonitor(DriftReference reference, List<String> inputs) {
    this.reference = reference;
    this.names = inputs.toArray(String[]::new);
    this.bins = new DriftReference.Bins[names.length];
    this.offsets = new int[names.length];
    int total = 0;
    for (int i = 0; i < names.length; i++) {
      bins[i] = reference.features().get(names[i]);
      offsets[i] = total;
      total += bins[i] == null ? 0 : bins[i].size();
    }
    this.counts = new AtomicLongArray(total);
    this.scoreCounts = new AtomicLongArray(reference.score().size());
  }

  /** Counts one scored row (in the model's input order) and its score. */
  public void observe(double[] row, double score) {
    for (int i = 0; i < names.length; i++) {
      DriftReference.Bins b = bins[i];
      if (b != null && !Double.isNaN(row[i])) {
        counts.incrementAndGet(offsets[i] + b.bin(row[i]));
      }
    }
    scoreCounts.incrementAndGet(reference.score().bin(score));
    observed.incrementAndGet();
  }

  /**
   * The PSI of every watched input and of the score, over what was observed so far; NaN for an
   * input that was always missing.
   */
  public Status status() {
    Map<String, Double> psi = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (bins[i] != null) {
        psi.put(names[i], psi(i));
      }
    }
    double score =
        DriftReference.psi(
            reference.score().proportions(), slice(scoreCounts, 0, reference.score().size()));
    return new Status(observed.get(), psi, score);
  }

  /** The PSI of input {@code name}; NaN when it is not watched or was always missing. */
  public double psi(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name) && bins[i] != null) {
        return psi(i);
      }
    }
    return Double.NaN;
  }

  private double psi(int input) {
    long[] observedCounts = slice(counts, offsets[input], bins[input].size());
    long total = 0;
    for (long c : observedCounts) {
      total += c;
    }
    return total == 0 ? Double.NaN : DriftReference.psi(bins[input].proportions(), observedCounts);
  }

  /** The PSI of the score. */
  public double scorePsi() {
    return DriftReference.psi(
        reference.score().proportions(), slice(scoreCounts, 0, reference.score().size()));
  }

  /** Scored rows counted so far. */
  public long observed() {
    return observed.get();
  }

  /** The inputs watched, in row order. */
  public List<String> inputs() {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (bins[i] != null) {
        out.add(names[i]);
      }
    }
    return out;
  }

  /** Starts counting afresh. */
  public void reset() {
    for (int i = 0; i < counts.length(); i++) {
      counts.set(i, 0);
    }
    for (int i = 0; i < scoreCounts.length(); i++) {
      scoreCounts.set(i, 0);
    }
    observed.set(0);
  }

  private static long[] slice(AtomicLongArray a, int from, int length) {
    long[] out = new long[length];
    for (int i = 0; i < length; i++) {
      out[i] = a.get(from + i);
    }
    return out;
  }
}
