package io.greenband.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Non-dominated sorting into ranked fronts and NSGA-II crowding distance. */
class NonDominatedSortTest {

    private static final double[][] TWO_FRONTS = {
        {0, 3}, {1, 1}, {3, 0}, // E, A, F: front 1
        {0.2, 3.1}, {1.05, 1.05}, {3.1, 0.2} // G, I, H: front 2
    };

    @Test
    void frontsByHand() {
        int[][] fronts = NonDominatedSort.fronts(TWO_FRONTS);
        assertThat(fronts).hasDimensions(2, 3);
        assertThat(fronts[0]).containsExactly(0, 1, 2);
        assertThat(fronts[1]).containsExactly(3, 4, 5);
    }

    @Test
    void frontsWithThreeObjectivesAndTies() {
        double[][] p = {{1, 1, 1}, {1, 1, 1}, {0, 2, 2}, {2, 2, 2}, {3, 3, 0}};
        int[][] fronts = NonDominatedSort.fronts(p);
        assertThat(fronts[0]).containsExactly(0, 1, 2, 4);
        assertThat(fronts[1]).containsExactly(3);
    }

    @Test
    void twoObjectiveFastPathAgreesWithTheDefinition() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int round = 0; round < 200; round++) {
            int n = 2 + rng.nextInt(30);
            double[][] p = new double[n][2];
            for (double[] row : p) {
                row[0] = rng.nextInt(6);
                row[1] = rng.nextInt(6);
            }
            int[][] fronts = NonDominatedSort.fronts(p);
            int[] frontOf = new int[n];
            for (int f = 0; f < fronts.length; f++) {
                for (int i : fronts[f]) {
                    frontOf[i] = f;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (Dominance.dominates(p[i], p[j])) {
                        assertThat(frontOf[i]).isLessThan(frontOf[j]);
                    }
                }
                if (frontOf[i] > 0) {
                    boolean dominatedByPrevious = false;
                    for (int j : fronts[frontOf[i] - 1]) {
                        dominatedByPrevious |= Dominance.dominates(p[j], p[i]);
                    }
                    assertThat(dominatedByPrevious).isTrue();
                }
            }
        }
    }

    @Test
    void crowdingByHand() {
        double[] d = CrowdingDistance.of(TWO_FRONTS, new int[] {0, 1, 2});
        assertThat(d[0]).isInfinite();
        assertThat(d[2]).isInfinite();
        // A(1,1): objective 0 gap (3-0)/3 = 1, objective 1 gap (3-0)/3 = 1.
        assertThat(d[1]).isCloseTo(2.0, offset(1e-12));
        double[][] line = {{0, 4}, {1, 3}, {3, 1}, {4, 0}};
        double[] dl = CrowdingDistance.of(line, new int[] {0, 1, 2, 3});
        assertThat(dl[1]).isCloseTo(1.5, offset(1e-12));
        assertThat(CrowdingDistance.order(line, new int[] {0, 1, 2, 3}))
                .containsExactly(0, 3, 1, 2);
    }
}
