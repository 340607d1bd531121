package io.greenband.suggester.core.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationImportanceTest {

    @Test
    void theColumnTheResponseFollowsGetsNearlyAllTheShare() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 200;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            y[i] = 10 * x[i][0] + 0.5 * x[i][1]; // column 2 is never used
        }
        RandomForest forest = RandomForest.fit(x, y, ForestSettings.smac(), 3);
        double[] shares = PermutationImportance.of(forest, x, y);
        assertThat(Arrays.stream(shares).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(shares[0]).isGreaterThan(0.9);
        assertThat(shares[1]).isGreaterThan(shares[2]);
        assertThat(shares[2]).isLessThan(0.02);
        assertThat(PermutationImportance.of(forest, x, y))
                .as("no randomness")
                .containsExactly(shares);
    }

    @Test
    void aConstantResponseHasNoImportantColumn() {
        double[][] x = {{0.1, 0.2}, {0.5, 0.9}, {0.7, 0.3}, {0.2, 0.8}};
        double[] y = {1, 1, 1, 1};
        double[] shares =
                PermutationImportance.of(RandomForest.fit(x, y, ForestSettings.smac(), 1), x, y);
        assertThat(shares).containsExactly(0, 0);
    }
}
