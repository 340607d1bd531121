package io.greenband.cli.front;

import java.util.List;

/**
 * One scored trial as a point of the objective space.
 *
 * @param trialId  the trial
 * @param fidelity the budget it ran at
 * @param values   objective values in the study's order, in their own units and directions
 * @param joules   energy attributed to the trial
 * @param config   the configuration, as text, may be empty
 */
public record Point(String trialId, double fidelity, List<Double> values, double joules, String config) {

    public Point {
        values = List.copyOf(values);
    }
}
