package io.greenband.suggester.core.objective;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final double[][] TWO_FRONTS = {
        {0, 3}, {1, 1}, {3, 0}, // E, A, F: front 1
        {0.2, 3.1}, {1.05, 1.05}, {3.1, 0.2} // G, I, H: front 2
    };

    @Test
    void betterFrontIsNeverCutForAWorseOne() {
        for (RankingKind kind : new RankingKind[] {RankingKind.NSGA2, RankingKind.EPSNET}) {
            int[] order = kind.create().order(TWO_FRONTS, new SplittableRandom(0));
            assertThat(order).hasSize(6);
            assertThat(java.util.Arrays.copyOf(order, 3)).containsExactlyInAnyOrder(0, 1, 2);
        }
    }

    @Test
    void aTrialDominatingAllOthersIsRankedFirstNotLast() {
        // Syne Tune's MO-ASHA ranks the new point (0.1,0.1) at 0.5 here and stops it; its true rank
        // is 0.
        double[][] rung = {{0.5, 0.5}, {0.6, 0.6}, {0.7, 0.7}, {0.1, 0.1}};
        for (RankingKind kind : RankingKind.values()) {
            int[] ranks = Ranking.ranksOf(kind.create().order(rung, new SplittableRandom(1)));
            assertThat(ranks[3]).as(kind.name()).isZero();
            assertThat(ranks).as(kind.name()).containsExactly(1, 2, 3, 0);
        }
    }

    @Test
    void dominatingPointIsRankedFirstInRandomRungs() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int round = 0; round < 300; round++) {
            int n = 2 + rng.nextInt(12);
            int m = 2 + rng.nextInt(2);
            double[][] p = new double[n][m];
            int best = rng.nextInt(n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < m; k++) {
                    p[i][k] = i == best ? rng.nextDouble() * 0.1 : 0.2 + rng.nextDouble();
                }
            }
            for (RankingKind kind : RankingKind.values()) {
                int[] ranks = Ranking.ranksOf(kind.create().order(p, rng));
                assertThat(ranks[best]).as("%s round %d", kind, round).isZero();
                assertThat(java.util.Arrays.stream(ranks).sorted().toArray())
                        .isEqualTo(java.util.stream.IntStream.range(0, n).toArray());
            }
        }
    }

    @Test
    void epsilonNetStartsAtBestFirstObjectiveThenFarthest() {
        double[][] front = {{0, 4}, {1, 3}, {2, 2}, {4, 0}};
        assertThat(EpsilonNet.order(front, new int[] {0, 1, 2, 3})).containsExactly(0, 3, 2, 1);
    }
}
