package io.amlmonitor.core.report;

import io.amlmonitor.core.cases.AlertDisposition;
import java.util.OptionalDouble;

/**
 * How the alerts of closed cases were judged: closed as false positive or with a
 * suspicious-activity report. Combines with {@link #plus}.
 */
public record DispositionCounts(long falsePositives, long sars) {
  /** No disposition at all. */
  public static final DispositionCounts NONE = new DispositionCounts(0, 0);

  public DispositionCounts {
    if (falsePositives < 0 || sars < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: false positives " + falsePositives + ", SAR " + sars);
    }
  }

  /** The counts with one more disposition of {@code outcome}. */
  public DispositionCounts plus(AlertDisposition.Outcome outcome) {
    return switch (outcome) {
      case FALSE_POSITIVE -> new DispositionCounts(falsePositives + 1, sars);
      case SAR -> new DispositionCounts(falsePositives, sars + 1);
    };
  }

  public DispositionCounts plus(DispositionCounts other) {
    return new DispositionCounts(falsePositives + other.falsePositives, sars + other.sars);
  }

  public long total() {
    return falsePositives + sars;
  }

  /**
   * The share of judged alerts that were false positives, {@code FP / (FP + SAR)}, between 0 and 1;
   * empty when nothing was judged (a rate of "n/a", not 0).
   */
  public OptionalDouble falsePositiveRate() {
    long total = total();
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) falsePositives / total);
  }
}
