package io.greenband.suggester.core.objective;

import io.greenband.pareto.CrowdingDistance;
import io.greenband.pareto.NonDominatedSort;
import java.util.SplittableRandom;

/**
 * Non-dominated sorting, fronts in order, each front ordered by a tie-breaker on per-rung
 * normalized costs. Unlike SMAC's truncation, a better front is never cut in favour of a worse one,
 * and unlike Syne Tune's MO-ASHA the result is a true order (a point dominating all others always
 * comes first).
 */
public final class ParetoRanking implements Ranking {

    /** How members of one front are ordered. */
    public enum TieBreak {
        /** NSGA-II crowding distance, largest first. */
        CROWDING,
        /** Farthest-point ε-net from the best point of objective 0. */
        EPSILON_NET
    }

    private final TieBreak tieBreak;

    /** A ranking with the given tie-breaker. */
    public ParetoRanking(TieBreak tieBreak) {
        this.tieBreak = tieBreak;
    }

    @Override
    public int[] order(double[][] costs, SplittableRandom rng) {
        double[][] points = Ranking.normalizeColumns(costs);
        int[] out = new int[costs.length];
        int k = 0;
        for (int[] front : NonDominatedSort.fronts(points)) {
            int[] inFront =
                    tieBreak == TieBreak.CROWDING
                            ? CrowdingDistance.order(points, front)
                            : EpsilonNet.order(points, front);
            System.arraycopy(inFront, 0, out, k, inFront.length);
            k += inFront.length;
        }
        return out;
    }

    @Override
    public boolean isRandomized() {
        return false;
    }
}
