package io.amlmonitor.ml;

/**
 * How {@link ModelTraining} trains.
 *
 * @param trials hyper-parameter search trials, at least 1
 * @param seed seeds the search, XGBoost's sampling and the baseline
 * @param alertRate the share of test rows alerted when measuring recall, e.g. 0.01
 * @param threads XGBoost's threads
 * @param trainShare share of rows (earliest first) to train on
 * @param validationShare share of the following rows to choose hyper-parameters on; the rest test
 */
public record TrainingOptions(
    int trials,
    long seed,
    double alertRate,
    int threads,
    double trainShare,
    double validationShare) {

  public TrainingOptions {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, was " + trials);
    }
    if (!(alertRate > 0 && alertRate < 1)) {
      throw new IllegalArgumentException("alert rate must be in (0, 1), was " + alertRate);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
  }

  /** A 70/15/15 split and a 1% alert rate. */
  public static TrainingOptions of(int trials, long seed, int threads) {
    return new TrainingOptions(trials, seed, 0.01, threads, 0.70, 0.15);
  }

  public TrainingOptions withAlertRate(double rate) {
    return new TrainingOptions(trials, seed, rate, threads, trainShare, validationShare);
  }
}
