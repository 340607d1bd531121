package io.greenband.aggregator.core.objective;

import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.emissions.Emissions;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A trial's energy objectives, from the attribution and emissions layers.
 *
 * @param trainJoules             IT energy over the trial's window
 * @param inferenceJoulesPer1k    IT energy of the inference phase per 1,000 inputs, when measured
 * @param emissions               emissions of the trial's energy
 * @param partial                 whether part of the window was unmeasured
 */
public record EnergyFigures(double trainJoules, OptionalDouble inferenceJoulesPer1k, Emissions emissions,
    boolean partial) {

  /** Checks the fields. */
  public EnergyFigures {
    if (!Double.isFinite(trainJoules) || trainJoules < 0) {
      throw new IllegalArgumentException("trainJoules is " + trainJoules + ": it must be finite and >= 0");
    }
    inferenceJoulesPer1k = inferenceJoulesPer1k == null ? OptionalDouble.empty() : inferenceJoulesPer1k;
  }

  /**
   * Figures from the trial's energy and, when the trainer reported an inference phase, that phase's energy
   * and the number of inputs it processed.
   */
  public static EnergyFigures of(TrialEnergy trial, Emissions emissions, Optional<TrialEnergy> inference,
      long inferenceInputs) {
    OptionalDouble perK = OptionalDouble.empty();
    if (inference.isPresent() && inferenceInputs > 0) {
      perK = OptionalDouble.of(inference.get().totalJoules() / inferenceInputs * 1000.0);
    }
    return new EnergyFigures(trial.totalJoules(), perK, emissions, trial.partial());
  }

  /** The value of one energy quantity, empty when not measured. */
  public OptionalDouble value(EnergyQuantity quantity) {
    return switch (quantity) {
      case EMISSIONS_G -> OptionalDouble.of(emissions.gramsCo2eq());
      case TRAIN_JOULES -> OptionalDouble.of(trainJoules);
      case INFERENCE_JOULES_PER_1K -> inferenceJoulesPer1k;
    };
  }
}
