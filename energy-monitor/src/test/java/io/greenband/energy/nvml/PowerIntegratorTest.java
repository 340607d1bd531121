package io.greenband.energy.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerIntegratorTest {

    @Test
    void trapezoidsAccumulateAndStaleSamplesAreIgnored() {
        PowerIntegrator p = new PowerIntegrator();
        assertThat(p.sample(1_000_000_000L, 100)).isZero();
        assertThat(p.sample(1_100_000_000L, 300)).isCloseTo(20.0, within(1e-9));
        // A poll that raced a tick and carries an older timestamp changes nothing.
        assertThat(p.sample(1_050_000_000L, 5000)).isCloseTo(20.0, within(1e-9));
        assertThat(p.sample(1_100_000_000L, 5000)).isCloseTo(20.0, within(1e-9));
        assertThat(p.sample(2_100_000_000L, 300)).isCloseTo(320.0, within(1e-9));
        assertThat(p.sample(2_200_000_000L, Double.NaN)).isCloseTo(320.0, within(1e-9));
        assertThat(p.joules()).isCloseTo(320.0, within(1e-9));
    }
}
