package io.greenband.suggester.core.design;

import java.util.SplittableRandom;

/** A fixed number of model-free configurations proposed first. */
public interface InitialDesign {

    /** How many configurations the design holds. */
    int size();

    /** Configuration number {@code index} of the design, drawn with {@code rng}. */
    double[] config(int index, SplittableRandom rng);
}
