package io.greenband.trainer.optim;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate per epoch. {@link #referenceSteps} is the default: the DeepShift CIFAR schedule
 * (x0.1 at epochs 80, 120, 160, 180 of 200) scaled to the trial's epoch count, i.e. drops at the
 * first epoch {@code >= 0.4, 0.6, 0.8, 0.9} times the epochs.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** Fractions of the run at which the reference schedule multiplies the rate by 0.1. */
    double[] REFERENCE_FRACTIONS = {0.4, 0.6, 0.8, 0.9};

    /** Learning rate for the 0-based {@code epoch}. */
    float at(int epoch);

    /** The same rate every epoch. */
    static LearningRateSchedule constant(float learningRate) {
        return epoch -> learningRate;
    }

    /** The reference multi-step schedule scaled to {@code epochs} (see the type comment). */
    static LearningRateSchedule referenceSteps(float learningRate, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        return epoch -> {
            float rate = learningRate;
            for (double fraction : REFERENCE_FRACTIONS) {
                if (epoch >= Math.ceil(fraction * epochs)) {
                    rate *= 0.1f;
                }
            }
            return rate;
        };
    }

    /** Cosine annealing from {@code learningRate} to 0 over {@code epochs}. */
    static LearningRateSchedule cosine(float learningRate, int epochs) {
        return epoch -> (float) (0.5 * learningRate * (1 + Math.cos(Math.PI * epoch / epochs)));
    }

    /** A DJL tracker stepping this schedule every {@code stepsPerEpoch} updates of a parameter. */
    default Tracker perUpdate(int stepsPerEpoch) {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("stepsPerEpoch must be >= 1, got " + stepsPerEpoch);
        }
        return numUpdate -> at(numUpdate / stepsPerEpoch);
    }
}
