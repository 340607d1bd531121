package io.greenband.suggester.core.acquisition.maximize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScoreOrderTest {

    @Test
    void topKHoldsTheHighestScoresBestFirstWithTiesInDrawnOrder() {
        SplittableRandom data = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            int n = 1 + data.nextInt(400);
            int k = 1 + data.nextInt(120);
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                // Few distinct values, so ties straddle the k-th place.
                scores[i] = data.nextInt(6);
            }
            int[] top = ScoreOrder.top(scores, k, new SplittableRandom(round));
            assertThat(top).hasSize(Math.min(k, n)).doesNotHaveDuplicates();
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < top.length; i++) {
                assertThat(scores[top[i]]).isEqualTo(sorted[n - 1 - i]);
            }
            assertThat(ScoreOrder.top(scores, k, new SplittableRandom(round))).isEqualTo(top);
        }
    }

    @Test
    void equalScoresComeInADifferentOrderForAnotherDraw() {
        double[] scores = new double[50];
        int[] a = ScoreOrder.top(scores, 50, new SplittableRandom(1));
        int[] b = ScoreOrder.top(scores, 50, new SplittableRandom(2));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void kthHighestMatchesASort() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int round = 0; round < 200; round++) {
            double[] v = new double[1 + rng.nextInt(300)];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextInt(3) == 0 ? 0 : rng.nextDouble();
            }
            int k = 1 + rng.nextInt(v.length);
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            assertThat(ScoreOrder.kthHighest(v.clone(), k)).isEqualTo(sorted[v.length - k]);
        }
    }
}
