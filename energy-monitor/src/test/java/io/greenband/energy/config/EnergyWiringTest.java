package io.greenband.energy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnergyWiringTest {

    @Test
    void windowIsAWholeNumberOfTicks() {
        assertThat(EnergyWiring.ticksPerWindow(Duration.ofSeconds(1), Optional.empty())).isEqualTo(1);
        assertThat(EnergyWiring.ticksPerWindow(Duration.ofMillis(100), Optional.of(Duration.ofSeconds(10))))
                .isEqualTo(100);
        assertThatThrownBy(() -> EnergyWiring.ticksPerWindow(Duration.ofMillis(300), Optional.of(Duration.ofSeconds(1))))
                .hasMessageContaining("greenband.energy.window").hasMessageContaining("multiple");
        assertThatThrownBy(() -> EnergyWiring.ticksPerWindow(Duration.ofSeconds(2), Optional.of(Duration.ofSeconds(1))))
                .hasMessageContaining("greenband.energy.window");
        assertThatThrownBy(() -> EnergyWiring.ticksPerWindow(Duration.ZERO, Optional.empty()))
                .hasMessageContaining("greenband.energy.interval");
    }
}
