package io.greenband.suggester.core.study;

import java.util.List;

/** Good sample: a suggester core class using Java only. */
public final class GoodStudyCore {

    /** The best of the given values. */
    public double best(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
