package io.amlmonitor.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * What the detectors look for and how much work each may do per transaction.
 *
 * @param window how far back an edge's last event may lie for the edge to take part in a pattern
 * @param maxCycleHops the longest cycle looked for (2 to 6 hops)
 * @param fanThreshold distinct counterparties within the window that make a fan-in or fan-out, and
 *     on each side of a gather-scatter hub
 * @param scatterThreshold intermediaries between one source and one gatherer that make a
 *     scatter-gather
 * @param minChainAccounts accounts in a pass-through chain, the first payer and last payee included
 * @param ringThreshold accounts sharing one IP address or device that make a ring
 * @param amountTolerance how far, as a fraction of the transaction's amount, another transfer's
 *     amount may differ for both to be the same money (cycles, chains, fans, scatter-gather); 1 or
 *     more accepts any amount
 * @param maxVisits the most edges one detector reads for one transaction: the bound on the live
 *     path's cost
 */
public record DetectionLimits(
    Duration window,
    int maxCycleHops,
    int fanThreshold,
    int scatterThreshold,
    int minChainAccounts,
    int ringThreshold,
    double amountTolerance,
    int maxVisits) {

  /** Thirty days, six hops, fans of 5, 3 intermediaries, chains of 4, rings of 3, ±20 %, 4096. */
  public static final DetectionLimits DEFAULT =
      new DetectionLimits(Duration.ofDays(30), 6, 5, 3, 4, 3, 0.2, 4096);

  public DetectionLimits {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("graph window must be positive, was " + window);
    }
    if (maxCycleHops < 2 || maxCycleHops > 6) {
      throw new IllegalArgumentException("maxCycleHops must be 2..6, was " + maxCycleHops);
    }
    positive("fanThreshold", fanThreshold, 2);
    positive("scatterThreshold", scatterThreshold, 2);
    positive("minChainAccounts", minChainAccounts, 3);
    positive("ringThreshold", ringThreshold, 2);
    positive("maxVisits", maxVisits, 16);
    if (!(amountTolerance >= 0)) {
      throw new IllegalArgumentException("amountTolerance must be >= 0, was " + amountTolerance);
    }
  }

  private static void positive(String name, int value, int least) {
    if (value < least) {
      throw new IllegalArgumentException(name + " must be at least " + least + ", was " + value);
    }
  }

  public DetectionLimits withWindow(Duration w) {
    return new DetectionLimits(
        w,
        maxCycleHops,
        fanThreshold,
        scatterThreshold,
        minChainAccounts,
        ringThreshold,
        amountTolerance,
        maxVisits);
  }

  public DetectionLimits withAmountTolerance(double tolerance) {
    return new DetectionLimits(
        window,
        maxCycleHops,
        fanThreshold,
        scatterThreshold,
        minChainAccounts,
        ringThreshold,
        tolerance,
        maxVisits);
  }

  public DetectionLimits withFanThreshold(int threshold) {
    return new DetectionLimits(
        window,
        maxCycleHops,
        threshold,
        scatterThreshold,
        minChainAccounts,
        ringThreshold,
        amountTolerance,
        maxVisits);
  }

  /** The lowest amount, in cents, taken as the same money as {@code cents}. */
  long low(long cents) {
    return amountTolerance >= 1 ? Long.MIN_VALUE : (long) Math.floor(cents * (1 - amountTolerance));
  }

  /** The highest amount, in cents, taken as the same money as {@code cents}. */
  long high(long cents) {
    return amountTolerance >= 1 ? Long.MAX_VALUE : (long) Math.ceil(cents * (1 + amountTolerance));
  }
}
