package io.amlmonitor.ml;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Labelled examples in memory: one row of feature values per event, its event time, its binary
 * label and an optional group (the laundering typology) for per-group recall.
 *
 * <p>Rows are held as given; {@link #sortedByTime()} returns a copy in event-time order (stable, so
 * events at the same millisecond keep their input order). The arrays are not copied on the way in
 * from {@link Builder}, and callers must not change the rows they read.
 */
public final class Dataset {
  private final List<String> featureNames;
  private final double[][] rows;
  private final long[] eventMillis;
  private final boolean[] labels;
  private final String[] groups;

  private Dataset(
      List<String> featureNames,
      double[][] rows,
      long[] eventMillis,
      boolean[] labels,
      String[] groups) {
    this.featureNames = featureNames;
    this.rows = rows;
    this.eventMillis = eventMillis;
    this.labels = labels;
    this.groups = groups;
  }

  /** Starts a dataset whose rows have one value per name, in this order. */
  public static Builder builder(List<String> featureNames) {
    return new Builder(featureNames);
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public int size() {
    return rows.length;
  }

  public int featureCount() {
    return featureNames.size();
  }

  public double[] row(int i) {
    return rows[i];
  }

  public long eventMillis(int i) {
    return eventMillis[i];
  }

  public boolean label(int i) {
    return labels[i];
  }

  /** The row's group (typology), or null when the input has none. */
  public String group(int i) {
    return groups[i];
  }

  public int positives() {
    int n = 0;
    for (boolean label : labels) {
      n += label ? 1 : 0;
    }
    return n;
  }

  /** The labels as 0/1 values. */
  public float[] labelValues() {
    float[] values = new float[labels.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = labels[i] ? 1f : 0f;
    }
    return values;
  }

  /** A copy ordered by event time; ties keep their input order. */
  public Dataset sortedByTime() {
    Integer[] order = IntStream.range(0, size()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingLong(i -> eventMillis[i]));
    return select(Arrays.stream(order).mapToInt(Integer::intValue).toArray());
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive), in order. */
  public Dataset slice(int from, int to) {
    Objects.checkFromToIndex(from, to, size());
    return select(IntStream.range(from, to).toArray());
  }

  private Dataset select(int[] indices) {
    double[][] r = new double[indices.length][];
    long[] t = new long[indices.length];
    boolean[] l = new boolean[indices.length];
    String[] g = new String[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      r[k] = rows[i];
      t[k] = eventMillis[i];
      l[k] = labels[i];
      g[k] = groups[i];
    }
    return new Dataset(featureNames, r, t, l, g);
  }

  /**
   * A SHA-256 over the feature names and every row's time, values (bit for bit) and label, in
   * order: the same examples give the same fingerprint whatever file format carried them.
   */
  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String name : featureNames) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      ByteBuffer buffer = ByteBuffer.allocate(8 * (featureNames.size() + 2));
      for (int i = 0; i < rows.length; i++) {
        buffer.clear();
        buffer.putLong(eventMillis[i]);
        for (double v : rows[i]) {
          buffer.putLong(Double.doubleToLongBits(v));
        }
        buffer.putLong(labels[i] ? 1 : 0);
        sha.update(buffer.array(), 0, buffer.position());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Collects rows one at a time. */
  public static final class Builder {
    private final List<String> featureNames;
    private final List<double[]> rows = new ArrayList<>();
    private long[] eventMillis = new long[1024];
    private boolean[] labels = new boolean[1024];
    private final List<String> groups = new ArrayList<>();

    private Builder(List<String> featureNames) {
      this.featureNames = List.copyOf(featureNames);
      if (this.featureNames.isEmpty()) {
        throw new IllegalArgumentException("a dataset needs at least one feature");
      }
      if (new HashSet<>(this.featureNames).size() != this.featureNames.size()) {
        throw new IllegalArgumentException("feature names repeat: " + this.featureNames);
      }
    }

    /**
     * Adds a row.
     *
     * @param features one finite value per feature name; kept, not copied
     * @param group the typology, or null
     */
    public Builder add(long eventMillis, double[] features, boolean label, String group) {
      if (features.length != featureNames.size()) {
        throw new IllegalArgumentException(
            "row "
                + rows.size()
                + " has "
                + features.length
                + " values; the dataset has "
                + featureNames.size()
                + " features");
      }
      for (int j = 0; j < features.length; j++) {
        if (!Double.isFinite(features[j])) {
          throw new IllegalArgumentException(
              "feature '" + featureNames.get(j) + "' of row " + rows.size() + " is " + features[j]);
        }
      }
      int i = rows.size();
      if (i == labels.length) {
        this.eventMillis = Arrays.copyOf(this.eventMillis, i * 2);
        labels = Arrays.copyOf(labels, i * 2);
      }
      rows.add(features);
      this.eventMillis[i] = eventMillis;
      labels[i] = label;
      groups.add(group);
      return this;
    }

    public int size() {
      return rows.size();
    }

    public Dataset build() {
      int n = rows.size();
      return new Dataset(
          featureNames,
          rows.toArray(double[][]::new),
          Arrays.copyOf(eventMillis, n),
          Arrays.copyOf(labels, n),
          groups.toArray(String[]::new));
    }
  }
}
