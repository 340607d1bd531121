package io.greenband.suggester.core.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParEgoTest {

    @Test
    void augmentedChebyshevByHand() {
        ParEgo parego = ParEgo.smac();
        // max(0.25*0.4, 0.75*0.2) = 0.15; augmentation 0.05 * (0.1 + 0.15) = 0.0125
        assertThat(parego.scalarize(new double[] {0.4, 0.2}, new double[] {0.25, 0.75}))
                .isCloseTo(0.1625, offset(1e-12));
        // Three objectives: max(0.2*1, 0.3*0.5, 0.5*0) = 0.2; + 0.05 * 0.35
        assertThat(parego.scalarize(new double[] {1, 0.5, 0}, new double[] {0.2, 0.3, 0.5}))
                .isCloseTo(0.2175, offset(1e-12));
    }

    @Test
    void weightsArePositiveSumToOneAndDifferPerDraw() {
        for (ParEgo p :
                new ParEgo[] {ParEgo.smac(), new ParEgo(0.05, ParEgo.WeightDraw.DIRICHLET)}) {
            SplittableRandom rng = new SplittableRandom(4);
            double[] previous = null;
            for (int i = 0; i < 100; i++) {
                double[] w = p.weights(3, rng);
                assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, offset(1e-8));
                assertThat(Arrays.stream(w).min().orElseThrow()).isPositive();
                assertThat(w).isNotEqualTo(previous);
                previous = w;
            }
        }
    }

    @Test
    void meanAggregationIsTheWeightedMean() {
        MeanAggregation mean = new MeanAggregation();
        double[] w = mean.weights(2, new SplittableRandom(0));
        assertThat(mean.scalarize(new double[] {0.2, 0.6}, w)).isCloseTo(0.4, offset(1e-12));
        MeanAggregation weighted = new MeanAggregation(new double[] {3, 1});
        assertThat(weighted.scalarize(new double[] {0.2, 0.6}, weighted.weights(2, null)))
                .isCloseTo(0.3, offset(1e-12));
    }

    @Test
    void boundsNormalizeAndFlatRangesGiveOne() {
        ObjectiveBounds b = new ObjectiveBounds(2);
        b.add(new double[] {1, 5});
        b.add(new double[] {3, 5});
        double[] out = new double[2];
        b.normalize(new double[] {2, 5}, out);
        assertThat(out[0]).isCloseTo(0.5, offset(1e-12));
        assertThat(out[1]).isEqualTo(1.0);
        assertThat(b.max(0)).isEqualTo(3);
        assertThat(b.min(0)).isEqualTo(1);
    }

    @Test
    void hugeButFiniteCostsStillNormalizeIntoTheUnitInterval() {
        ObjectiveBounds b = new ObjectiveBounds(1);
        b.add(new double[] {-1e308});
        b.add(new double[] {1e308});
        double[] out = new double[1];
        b.normalize(new double[] {1e308}, out);
        assertThat(out[0]).isBetween(0.0, 1.0);
        b.normalize(new double[] {0}, out);
        assertThat(out[0]).isCloseTo(0.5, offset(1e-12));
    }
}
