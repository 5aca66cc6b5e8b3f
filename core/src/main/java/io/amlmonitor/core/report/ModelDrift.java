package io.amlmonitor.core.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How far the transactions scored in a period drifted from what the serving model was trained on:
 * the population stability index (PSI) of its score and of each input, against the reference kept
 * with the model.
 *
 * @param modelVersion the model whose reference was used
 * @param decisions the decisions of the period that were compared
 * @param scorePsi the PSI of the model's score; NaN when no decision could be scored
 * @param inputs every input's PSI, largest first; NaN (last) for an input that was always missing
 */
public record ModelDrift(
    String modelVersion, long decisions, double scorePsi, List<InputDrift> inputs) {
  /** Above this PSI a distribution is usually read as having shifted significantly. */
  public static final double WARNING = 0.2;

  /** One input's PSI. */
  public record InputDrift(String name, double psi) {
    public InputDrift {
      Objects.requireNonNull(name, "name");
    }
  }

  public ModelDrift {
    Objects.requireNonNull(modelVersion, "modelVersion");
    inputs =
        inputs.stream()
            .sorted(
                Comparator.comparing((InputDrift i) -> Double.isNaN(i.psi()))
                    .thenComparing(Comparator.comparingDouble(InputDrift::psi).reversed()))
            .toList();
  }

  /** How many inputs drifted beyond {@link #WARNING}. */
  public long drifted() {
    return inputs.stream().filter(i -> i.psi() > WARNING).count();
  }
}
