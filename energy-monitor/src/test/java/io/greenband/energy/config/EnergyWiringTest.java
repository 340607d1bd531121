package io.greenband.energy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnergyWiringTest {

    @Test
    void windowIsAWholeNumberOfTicks() {
        assertThat(EnergyWiring.ticksPerWindow(Duration.ofSeconds(1), Optional.empty()))
                .isEqualTo(1);
        assertThat(
                        EnergyWiring.ticksPerWindow(
                                Duration.ofMillis(100), Optional.of(Duration.ofSeconds(10))))
                .isEqualTo(100);
        assertThatThrownBy(
                        () ->
                                EnergyWiring.ticksPerWindow(
                                        Duration.ofMillis(300), Optional.of(Duration.ofSeconds(1))))
                .hasMessageContaining("greenband.energy.window")
                .hasMessageContaining("multiple");
        assertThatThrownBy(
                        () ->
                                EnergyWiring.ticksPerWindow(
                                        Duration.ofSeconds(2), Optional.of(Duration.ofSeconds(1))))
                .hasMessageContaining("greenband.energy.window");
        assertThatThrownBy(() -> EnergyWiring.ticksPerWindow(Duration.ZERO, Optional.empty()))
                .hasMessageContaining("greenband.energy.interval");
    }

    @Test
    void theMachinesLocationIsCheckedAtStartup() {
        Path none = Path.of("absent");
        assertThat(
                        EnergyWiring.machine(
                                        Optional.of(" se "),
                                        Optional.of("Stockholm"),
                                        none,
                                        none,
                                        none)
                                .country())
                .hasValue("SE");
        assertThat(
                        EnergyWiring.machine(Optional.of(""), Optional.empty(), none, none, none)
                                .country())
                .isEmpty();
        assertThatThrownBy(
                        () ->
                                EnergyWiring.machine(
                                        Optional.of("Sweden"), Optional.empty(), none, none, none))
                .hasMessageContaining("greenband.energy.machine.country");
        assertThatThrownBy(
                        () ->
                                EnergyWiring.machine(
                                        Optional.empty(),
                                        Optional.of("r".repeat(65)),
                                        none,
                                        none,
                                        none))
                .hasMessageContaining("greenband.energy.machine.region");
        assertThatThrownBy(
                        () ->
                                EnergyWiring.machine(
                                        Optional.empty(), Optional.of("a\nb"), none, none, none))
                .hasMessageContaining("greenband.energy.machine.region");
    }
}
