package io.greenband.trainer.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.greenband.trainer.dsnn.ResNet20;
import io.greenband.trainer.dsnn.ShiftSettings;
import io.greenband.trainer.dsnn.ShiftType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterGroupTest {

    @Test
    void psShiftsAndSignsGetNoWeightDecayEverythingElseDoes() {
        Block block =
                ResNet20.builder()
                        .setShiftDepth(2)
                        .setShiftSettings(ShiftSettings.defaults(ShiftType.PS))
                        .build()
                        .newBlock();
        Map<String, Float> decays = ParameterGroup.weightDecays(block, 1e-4f);
        int shifts = 0;
        int signs = 0;
        for (Parameter p : block.getParameters().values()) {
            ParameterGroup group = ParameterGroup.of(p);
            shifts += group == ParameterGroup.SHIFT ? 1 : 0;
            signs += group == ParameterGroup.SIGN ? 1 : 0;
            assertThat(decays.get(p.getId()))
                    .isEqualTo(group == ParameterGroup.DECAYED ? 1e-4f : 0f);
        }
        assertThat(shifts).isEqualTo(3);
        assertThat(signs).isEqualTo(3);
    }

    @Test
    void parsesNamesAndRefusesBadSettings() {
        assertThat(OptimizerKind.parse("Ranger")).isEqualTo(OptimizerKind.RANGER);
        assertThatThrownBy(() -> OptimizerKind.parse("lbfgs"))
                .hasMessageContaining("optimizer must be one of");
        assertThatThrownBy(() -> new OptimizerSettings(OptimizerKind.SGD, 0f, 0.9f, 0f))
                .hasMessageContaining("learning_rate");
        assertThatThrownBy(() -> new OptimizerSettings(OptimizerKind.SGD, 0.1f, 1f, 0f))
                .hasMessageContaining("momentum");
        assertThatThrownBy(() -> new OptimizerSettings(OptimizerKind.SGD, 0.1f, 0f, -1f))
                .hasMessageContaining("weight_decay");
    }
}
