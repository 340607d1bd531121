package io.greenband.suggester.core.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoodSplitTest {

    @Test
    void aTenthOfTheObservationsAreGoodBetweenOneAndTwentyFive() {
        assertThat(GoodSplit.goodCount(1)).isEqualTo(1);
        assertThat(GoodSplit.goodCount(10)).isEqualTo(1);
        assertThat(GoodSplit.goodCount(11)).isEqualTo(2);
        assertThat(GoodSplit.goodCount(100)).isEqualTo(10);
        assertThat(GoodSplit.goodCount(1_000)).isEqualTo(25);
    }

    @Test
    void wholeFrontsFirstThenTheBoundaryFrontsMostIsolatedMembers() {
        double[][] costs = new double[20][];
        // Front 1: two points; front 2: five points on a line, the ends most isolated; the rest
        // dominated.
        costs[0] = new double[] {0, 1};
        costs[1] = new double[] {1, 0};
        for (int i = 0; i < 5; i++) {
            costs[2 + i] = new double[] {1 + i * 0.25, 2 - i * 0.25 - (i == 2 ? 0.2 : 0)};
        }
        for (int i = 7; i < 20; i++) {
            costs[i] = new double[] {5 + i, 5 + i};
        }
        boolean[] good = GoodSplit.good(costs);
        // goodCount(20) = 2: exactly the first front.
        assertThat(good[0]).isTrue();
        assertThat(good[1]).isTrue();
        int count = 0;
        for (boolean g : good) {
            count += g ? 1 : 0;
        }
        assertThat(count).isEqualTo(2);

        double[][] more = new double[40][];
        System.arraycopy(costs, 0, more, 0, 20);
        for (int i = 20; i < 40; i++) {
            more[i] = new double[] {50 + i, 50 + i};
        }
        boolean[] good4 = GoodSplit.good(more);
        // goodCount(40) = 4: the first front and the two ends of the second.
        assertThat(good4[0] && good4[1] && good4[2] && good4[6]).isTrue();
        assertThat(good4[3] || good4[4] || good4[5]).isFalse();
    }

    @Test
    void theWholeFirstFrontIsGoodWhenItIsLargerThanATenth() {
        double[][] costs = new double[12][];
        for (int i = 0; i < 5; i++) {
            costs[i] = new double[] {i, 4 - i};
        }
        for (int i = 5; i < 12; i++) {
            costs[i] = new double[] {10 + i, 10 + i};
        }
        boolean[] good = GoodSplit.good(costs);
        for (int i = 0; i < 12; i++) {
            assertThat(good[i]).as("row %d", i).isEqualTo(i < 5);
        }
    }

    @Test
    void contributionWeightsFavourIsolatedPoints() {
        double[] w =
                GoodSplit.contributionWeights(
                        java.util.List.of(
                                new double[] {0, 1},
                                new double[] {0.5, 0.5},
                                new double[] {0.52, 0.49},
                                new double[] {1, 0}));
        assertThat(w).hasSize(4);
        assertThat(w[0]).isEqualTo(1.0);
        assertThat(w[1]).isLessThan(w[0]).isGreaterThan(0);
        assertThat(w[2]).isLessThan(w[0]);
        assertThat(GoodSplit.contributionWeights(java.util.List.of(new double[] {3, 3})))
                .containsExactly(1.0);
    }
}
