package io.amlmonitor.core.feature;

import java.util.Arrays;

/**
 * What a read knows about one window of one flow: its events' count, sum and flag counts (from
 * prefix sums and a pass over raw events, or from tiles), and whatever else the pass was asked for.
 * Reused between reads, one per window slot in a thread's scratch, so a read allocates nothing.
 */
final class WindowTotals {
  /** First row of an exact window in its log. */
  int lo;

  int count;
  long sumCents;

  /** Time of an exact window's oldest event, when it has one. */
  long firstTs;

  long maxCents;
  final int[] flags = new int[EventFlags.COUNT];
  long nearSumCents;
  double cv;
  int distinctIps;
  int distinctParties;
  int distinctMerchants;
  double hourEntropy;
  long scaledLogSum;
  int outliers;
  double trend;
  double regularity;

  /** Clears everything a pass or tiles fill. */
  void clear() {
    lo = 0;
    count = 0;
    sumCents = 0;
    firstTs = Long.MIN_VALUE;
    maxCents = 0;
    Arrays.fill(flags, 0);
    nearSumCents = 0;
    cv = 0;
    distinctIps = 0;
    distinctParties = 0;
    distinctMerchants = 0;
    hourEntropy = 0;
    scaledLogSum = 0;
    outliers = 0;
    trend = 0;
    regularity = 0;
  }

  /** Payments to merchants: every event not flagged as a transfer to an account. */
  int merchantPayments() {
    return count - flags[EventFlags.TO_ACCOUNT];
  }
}
