package io.amlmonitor.ml;

import java.time.Instant;

/**
 * A time-ordered split into training, validation and test sets: every training event is at or
 * before every validation event, and every validation event at or before every test event, so the
 * model is judged on a later period than it learned from, as it will be used.
 *
 * @param validationStart event time of the first validation row
 * @param testStart event time of the first test row
 */
public record TimeSplit(
    Dataset train, Dataset validation, Dataset test, Instant validationStart, Instant testStart) {

  /**
   * Orders {@code data} by event time and cuts it by row counts.
   *
   * @param trainShare share of rows for training, e.g. 0.70
   * @param validationShare share for validation, e.g. 0.15; the rest is the test set
   * @throws TrainingDataException if a part would have no row, or no positive or no negative
   */
  public static TimeSplit of(Dataset data, double trainShare, double validationShare) {
    if (!(trainShare > 0) || !(validationShare > 0) || trainShare + validationShare >= 1) {
      throw new IllegalArgumentException(
          "shares must be positive and leave room for a test set, were "
              + trainShare
              + " and "
              + validationShare);
    }
    Dataset sorted = data.sortedByTime();
    int n = sorted.size();
    int trainEnd = (int) Math.round(n * trainShare);
    int validationEnd = (int) Math.round(n * (trainShare + validationShare));
    Dataset train = sorted.slice(0, trainEnd);
    Dataset validation = sorted.slice(trainEnd, validationEnd);
    Dataset test = sorted.slice(validationEnd, n);
    check("training", train);
    check("validation", validation);
    check("test", test);
    return new TimeSplit(
        train,
        validation,
        test,
        Instant.ofEpochMilli(validation.eventMillis(0)),
        Instant.ofEpochMilli(test.eventMillis(0)));
  }

  private static void check(String part, Dataset d) {
    int positives = d.size() == 0 ? 0 : d.positives();
    if (positives == 0 || positives == d.size()) {
      throw new TrainingDataException(
          "the "
              + part
              + " period has "
              + d.size()
              + " rows of which "
              + positives
              + " positive; each period needs both classes (more or longer input)");
    }
  }
}
