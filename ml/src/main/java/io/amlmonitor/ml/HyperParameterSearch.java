package io.amlmonitor.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Seeded random search: the first trial is {@link HyperParameters#defaults()}, the others are drawn
 * from {@link HyperParameters#sample}; each is trained on the training period and the one with the
 * highest validation PR-AUC wins (the earlier on a tie). The same seed and data give the same
 * trials and the same winner.
 */
public final class HyperParameterSearch {
  /** The trials run and the winner's model. */
  public record Result(List<Trial> trials, Trial best, byte[] bestModel) {}

  private final XgboostTrainer trainer;

  public HyperParameterSearch(XgboostTrainer trainer) {
    this.trainer = trainer;
  }

  /**
   * Runs {@code trials} trials.
   *
   * @param progress told of each trial as it ends
   */
  public Result run(
      Dataset train,
      Dataset validation,
      int trials,
      double scalePosWeight,
      long seed,
      Consumer<Trial> progress) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, was " + trials);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Trial> done = new ArrayList<>();
    Trial best = null;
    byte[] bestModel = null;
    for (int t = 1; t <= trials; t++) {
      HyperParameters hp = t == 1 ? HyperParameters.defaults() : HyperParameters.sample(random);
      long started = System.nanoTime();
      byte[] json = trainer.train(train, hp, scalePosWeight, seed);
      TreeEnsemble model = TreeEnsemble.fromXgboostJson(json);
      double[] scores = new double[validation.size()];
      boolean[] labels = new boolean[validation.size()];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = model.predict(validation.row(i));
        labels[i] = validation.label(i);
      }
      Ranking ranking = new Ranking(scores, labels);
      Trial trial =
          new Trial(t, hp, ranking.prAuc(), ranking.rocAuc(), (System.nanoTime() - started) / 1e9);
      done.add(trial);
      if (best == null || trial.validationPrAuc() > best.validationPrAuc()) {
        best = trial;
        bestModel = json;
      }
      progress.accept(trial);
    }
    return new Result(List.copyOf(done), best, bestModel);
  }
}
