package io.greenband.trainer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.greenband.trainer.dsnn.ResNet20;
import io.greenband.trainer.dsnn.ShiftSettings;
import io.greenband.trainer.dsnn.ShiftType;
import io.greenband.trainer.optim.OptimizerKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialConfigTest {

    @Test
    void parsesTableOneNamesWithReferenceDefaultsAndRoundTrips() {
        TrialConfig config =
                TrialConfig.fromMap(
                        Map.of(
                                "batch_size",
                                "64",
                                "optimizer",
                                "RAdam",
                                "learning_rate",
                                0.01,
                                "weight_bits",
                                4L,
                                "shift_type",
                                "ps",
                                "rounding",
                                "Stochastic",
                                "activation_integer_bits",
                                3,
                                "activation_fraction_bits",
                                5.0));
        assertThat(config.batchSize()).isEqualTo(64);
        assertThat(config.optimizer()).isEqualTo(OptimizerKind.RADAM);
        assertThat(config.shiftSettings().minShift()).isEqualTo(-6);
        assertThat(config.momentum()).isEqualTo(0.9f);
        assertThat(config.weightDecay()).isEqualTo(1e-4f);
        assertThat(config.epochs()).isEqualTo(200);
        assertThat(TrialConfig.fromMap(config.toMap())).isEqualTo(config);
        assertThat(TrialConfig.defaults().shiftType()).isEqualTo(ShiftType.Q);
    }

    @Test
    void refusesUnknownKeysAndBadValuesNamingTheKey() {
        assertThatThrownBy(() -> TrialConfig.fromMap(Map.of("lr", 0.1)))
                .hasMessageContaining("unknown configuration key 'lr'");
        assertThatThrownBy(() -> TrialConfig.fromMap(Map.of("batch_size", 12.5)))
                .hasMessageContaining("batch_size");
        assertThatThrownBy(() -> TrialConfig.fromMap(Map.of("weight_bits", 1)))
                .hasMessageContaining("weight_bits");
        assertThatThrownBy(() -> TrialConfig.fromMap(Map.of("learning_rate", "fast")))
                .hasMessageContaining("learning_rate");
        assertThatThrownBy(() -> Fidelity.fromMap(Map.of("data_fraction", 0)))
                .hasMessageContaining("data_fraction");
        assertThatThrownBy(() -> Fidelity.fromMap(Map.of("budget", 3)))
                .hasMessageContaining("unknown fidelity key");
        assertThat(Fidelity.fromMap(Map.of("epochs", 5)).epochsFor(TrialConfig.defaults()))
                .isEqualTo(5);
        assertThat(Fidelity.fromMap(Map.of()).epochsFor(TrialConfig.defaults())).isEqualTo(200);
    }

    @Test
    void aFidelityNamesItsKnobAndValueForPrograms() {
        Fidelity depth = Fidelity.of("shift_depth", 7);
        assertThat(depth.value()).isEqualTo(7);
        assertThat(depth.toMap())
                .containsExactly(
                        entry("knob", "shift_depth"), entry("value", 7), entry("shift_depth", 7));
        assertThat(Fidelity.of("data_fraction", 1.0).toMap())
                .containsExactly(
                        entry("knob", "data_fraction"),
                        entry("value", 1.0),
                        entry("data_fraction", 1.0));
        assertThat(new Fidelity(7, null, 0.5).toMap())
                .as("no knob: the keys that differ from the full budget")
                .containsExactly(
                        entry("knob", null),
                        entry("value", null),
                        entry("shift_depth", 7),
                        entry("data_fraction", 0.5));
        assertThatThrownBy(() -> Fidelity.of("budget", 3))
                .hasMessageContaining("unknown fidelity key 'budget'");
        assertThatThrownBy(() -> Fidelity.of("epochs", 2.5))
                .hasMessageContaining("epochs must be an integer");
        assertThatThrownBy(() -> new Fidelity(19, null, 1.0, "epochs"))
                .hasMessageContaining("epochs knob");
    }

    @Test
    void networkCostCountsShiftMacsAndStorage() {
        ShiftSettings settings = ShiftSettings.defaults(ShiftType.Q);
        NetworkCost none =
                NetworkCost.of(
                        ResNet20.builder()
                                .setShiftDepth(0)
                                .setShiftSettings(settings)
                                .build()
                                .layers(),
                        5);
        NetworkCost all =
                NetworkCost.of(
                        ResNet20.builder()
                                .setShiftDepth(19)
                                .setShiftSettings(settings)
                                .build()
                                .layers(),
                        5);
        assertThat(none.shiftMacsPerImage()).isEqualTo(640);
        assertThat(all.shiftMacsPerImage()).isEqualTo(all.totalMacsPerImage());
        assertThat(all.parameters()).isEqualTo(269_722);
        long weights = 267_696 + 640;
        assertThat(all.storageBits()).isEqualTo(weights * 5 + (269_722 - weights) * 32);
        assertThat(none.storageBits())
                .isEqualTo(267_696L * 32 + 640 * 5 + (269_722 - weights) * 32);
        assertThat(all.denseStorageBits()).isEqualTo(269_722L * 32);
    }
}
