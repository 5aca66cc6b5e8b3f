package io.amlmonitor.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores ranked from highest to lowest against binary labels: ROC-AUC, PR-AUC (average precision),
 * the ROC and precision–recall curves, and what an alert budget catches.
 *
 * <p>Equal scores are one step: the curves move diagonally across a tie and the areas give a tie
 * half credit, so the result does not depend on the order of tied rows (as scikit-learn's {@code
 * roc_auc_score} and {@code average_precision_score}).
 */
public final class Ranking {
  /** A point of a curve. */
  public record Point(double x, double y) {}

  private final double[] scores;
  private final boolean[] labels;
  private final int[] order;
  private final int positives;

  /**
   * @throws IllegalArgumentException if the arrays differ in length, or there is no positive or no
   *     negative (the areas are then undefined)
   */
  public Ranking(double[] scores, boolean[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          scores.length + " scores for " + labels.length + " labels");
    }
    this.scores = scores;
    this.labels = labels;
    int p = 0;
    for (boolean label : labels) {
      p += label ? 1 : 0;
    }
    if (p == 0 || p == labels.length) {
      throw new IllegalArgumentException(
          "ranking needs positives and negatives, got " + p + " positive of " + labels.length);
    }
    this.positives = p;
    Integer[] boxed = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, Comparator.comparingDouble((Integer i) -> -scores[i]));
    this.order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }

  public int size() {
    return scores.length;
  }

  public int positives() {
    return positives;
  }

  /** Area under the ROC curve: the chance a random positive outranks a random negative. */
  public double rocAuc() {
    List<Point> roc = steps(true);
    double area = 0;
    for (int k = 1; k < roc.size(); k++) {
      Point a = roc.get(k - 1);
      Point b = roc.get(k);
      area += (b.x() - a.x()) * (a.y() + b.y()) / 2;
    }
    return area;
  }

  /** Average precision: precision at each step weighted by the recall it adds. */
  public double prAuc() {
    double ap = 0;
    double previousRecall = 0;
    for (Point p : steps(false)) {
      ap += (p.x() - previousRecall) * p.y();
      previousRecall = p.x();
    }
    return ap;
  }

  /** The ROC curve (false-positive rate, true-positive rate), from (0, 0) to (1, 1). */
  public List<Point> rocCurve() {
    return steps(true);
  }

  /** The precision–recall curve (recall, precision), one point per distinct score. */
  public List<Point> precisionRecallCurve() {
    return steps(false);
  }

  private List<Point> steps(boolean roc) {
    List<Point> points = new ArrayList<>();
    int negatives = scores.length - positives;
    if (roc) {
      points.add(new Point(0, 0));
    }
    int tp = 0;
    int fp = 0;
    for (int k = 0; k < order.length; k++) {
      if (labels[order[k]]) {
        tp++;
      } else {
        fp++;
      }
      boolean endOfTie = k + 1 == order.length || scores[order[k + 1]] != scores[order[k]];
      if (endOfTie) {
        points.add(
            roc
                ? new Point((double) fp / negatives, (double) tp / positives)
                : new Point((double) tp / positives, (double) tp / (tp + fp)));
      }
    }
    return points;
  }

  /**
   * What alerting on the highest-scored {@code rate} of rows catches.
   *
   * @param rate share of rows alerted, in (0, 1]
   * @return the alerted rows' indices (into the scores) and the lowest alerted score
   */
  public Alerts alertTop(double rate) {
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("alert rate must be in (0, 1], was " + rate);
    }
    int k = (int) Math.max(1, Math.ceil(rate * scores.length));
    int[] alerted = Arrays.copyOf(order, k);
    int tp = 0;
    for (int i : alerted) {
      tp += labels[i] ? 1 : 0;
    }
    return new Alerts(rate, alerted, scores[order[k - 1]], tp, positives);
  }

  /**
   * The rows an alert budget flags.
   *
   * @param threshold the lowest alerted score
   * @param truePositives alerted positives
   */
  public record Alerts(
      double rate, int[] rows, double threshold, int truePositives, int positives) {
    public double recall() {
      return (double) truePositives / positives;
    }

    public double precision() {
      return (double) truePositives / rows.length;
    }
  }

  /** At most {@code max} points of {@code curve}, evenly spaced, always keeping both ends. */
  public static List<Point> thin(List<Point> curve, int max) {
    if (curve.size() <= max) {
      return curve;
    }
    List<Point> out = new ArrayList<>(max);
    for (int k = 0; k < max; k++) {
      out.add(curve.get((int) Math.round((double) k * (curve.size() - 1) / (max - 1))));
    }
    return out;
  }
}
