package io.greenband.suggester.core.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

    @Test
    void aNumericDensityIntegratesToOneOverTheUnitIntervalAndPeaksAtItsObservations() {
        ParzenEstimator p = ParzenEstimator.numeric(new double[] {0.1, 0.12, 0.15, 0.9});
        int steps = 20_000;
        double integral = 0;
        for (int i = 0; i < steps; i++) {
            integral += Math.exp(p.logDensity((i + 0.5) / steps)) / steps;
        }
        assertThat(integral).isCloseTo(1.0, within(1e-3));
        assertThat(p.logDensity(0.12)).isGreaterThan(p.logDensity(0.5));
        assertThat(p.logDensity(0.12)).isGreaterThan(p.logDensity(0.9));
    }

    @Test
    void numericDrawsStayInsideAndFollowTheObservations() {
        ParzenEstimator p =
                ParzenEstimator.numeric(new double[] {0.2, 0.21, 0.22, 0.23, 0.24, 0.25});
        SplittableRandom rng = new SplittableRandom(7);
        int near = 0;
        for (int i = 0; i < 2_000; i++) {
            double x = p.sample(rng);
            assertThat(x).isBetween(0.0, 1.0);
            if (Math.abs(x - 0.225) < 0.1) {
                near++;
            }
        }
        // Six of seven kernels sit there, each clipped to a bandwidth of at least 1/7, so about
        // half of the draws
        // fall within 0.1 of them; uniform draws would put a fifth there.
        assertThat(near).isGreaterThan(800);
    }

    @Test
    void aChoiceDensityIsCountsPlusAnEvenPrior() {
        ParzenEstimator p = ParzenEstimator.choice(new double[] {2, 2, 0}, 4);
        double total = 0;
        for (int k = 0; k < 4; k++) {
            total += Math.exp(p.logDensity(k));
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
        assertThat(Math.exp(p.logDensity(2))).isCloseTo(2.25 / 4, within(1e-12));
        assertThat(Math.exp(p.logDensity(1))).isCloseTo(0.25 / 4, within(1e-12));
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            assertThat(p.sample(rng)).isIn(0.0, 1.0, 2.0, 3.0);
        }
    }

    @Test
    void withoutObservationsTheDensityIsThePrior() {
        ParzenEstimator p = ParzenEstimator.numeric(new double[0]);
        assertThat(p.logDensity(0.5)).isGreaterThan(p.logDensity(0.0));
        assertThat(Math.exp(p.logDensity(0.0))).isGreaterThan(0.5);
    }
}
