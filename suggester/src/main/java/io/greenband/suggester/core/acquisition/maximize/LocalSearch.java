package io.greenband.suggester.core.acquisition.maximize;

import io.greenband.suggester.core.acquisition.AcquisitionFunction;
import io.greenband.suggester.core.space.SearchSpace;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * First-improvement local search over one-exchange neighbourhoods, as SMAC 2.4 does it: neighbours
 * are scored in batches of 2 doubling to 64, the first strictly better one is taken; an exhausted
 * neighbourhood allows a plateau step to an equal neighbour, at most {@link #PLATEAU_STEPS} times.
 * The numeric step size starts at {@link #INITIAL_STDEV}, doubles after 3 improving moves (before
 * any plateau step), halves every 3 plateau steps, within [{@link #MIN_STDEV}, {@link #MAX_STDEV}].
 */
public final class LocalSearch {

    /** Plateau steps before a search stops (SMAC's n_steps_plateau_walk). */
    public static final int PLATEAU_STEPS = 10;

    /** Starting numeric step in unit space. */
    public static final double INITIAL_STDEV = 0.05;

    /** Smallest numeric step. */
    public static final double MIN_STDEV = 0.005;

    /** Largest numeric step. */
    public static final double MAX_STDEV = 0.4;

    /**
     * Upper bound on improving moves per search; SMAC has none, this only guards pathological
     * spaces.
     */
    public static final int MAX_MOVES = 200;

    private static final int FIRST_BATCH = 2;
    private static final int LAST_BATCH = 64;

    private final SearchSpace space;

    /** A local search over {@code space}. */
    public LocalSearch(SearchSpace space) {
        this.space = space;
    }

    /** The best configuration reached from {@code start} (whose value is {@code startValue}). */
    public Candidate climb(
            double[] start, double startValue, AcquisitionFunction acq, SplittableRandom rng) {
        double[] current = start;
        double value = startValue;
        double stdev = INITIAL_STDEV;
        int plateau = 0;
        int improving = 0;
        int moves = 0;
        Iterator<double[]> neighbours = space.neighbourhood(current, stdev, rng);
        int batch = FIRST_BATCH;
        double[] equal = null;
        double[][] buffer = new double[LAST_BATCH][];
        double[] scores = new double[LAST_BATCH];
        while (moves < MAX_MOVES) {
            int taken = 0;
            while (taken < batch && neighbours.hasNext()) {
                buffer[taken++] = neighbours.next();
            }
            if (taken == 0) {
                if (equal == null || plateau >= PLATEAU_STEPS) {
                    break;
                }
                current = equal;
                plateau++;
                if (plateau % 3 == 0) {
                    stdev = Math.max(MIN_STDEV, stdev / 2);
                }
                neighbours = space.neighbourhood(current, stdev, rng);
                batch = FIRST_BATCH;
                equal = null;
                continue;
            }
            double[][] chunk = taken == buffer.length ? buffer : Arrays.copyOf(buffer, taken);
            acq.evaluate(chunk, scores);
            boolean moved = false;
            for (int i = 0; i < taken; i++) {
                if (scores[i] > value) {
                    current = chunk[i];
                    value = scores[i];
                    moves++;
                    improving++;
                    if (improving % 3 == 0 && plateau == 0) {
                        stdev = Math.min(MAX_STDEV, stdev * 2);
                    }
                    neighbours = space.neighbourhood(current, stdev, rng);
                    batch = FIRST_BATCH;
                    equal = null;
                    moved = true;
                    break;
                }
                if (scores[i] == value && equal == null) {
                    equal = chunk[i];
                }
            }
            if (!moved) {
                batch = Math.min(LAST_BATCH, batch * 2);
            }
        }
        return new Candidate(current, value);
    }
}
