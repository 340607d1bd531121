package io.greenband.trainer.dsnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class FixedPointTest {

    @Test
    void floorsOntoTheGridAndClampsToTheIntegerRange() {
        float[] x = {-5.3f, -1f, -0.3f, -1e-6f, 0f, 1e-6f, 0.3f, 0.7071f, 1.7f, 3.99f, 4.5f, 100f};
        float[] expected = {
            -4f, -1f, -0.3125f, -0.03125f, 0f, 0f, 0.28125f, 0.6875f, 1.6875f, 3f, 3f, 3f
        };
        FixedPoint format = new FixedPoint(3, 5);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            assertThat(format.quantize(manager.create(x)).toFloatArray()).containsExactly(expected);
        }
        for (int i = 0; i < x.length; i++) {
            assertThat(format.quantize(x[i])).isEqualTo(expected[i]);
        }
    }

    @Test
    void randomValuesLandOnTheGridInsideTheRangeWithIdentityGradient() {
        FixedPoint format = new FixedPoint(4, 3);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Engine.getEngine("PyTorch").setRandomSeed(3);
            NDArray x = manager.randomUniform(-20f, 20f, new Shape(400));
            x.setRequiresGradient(true);
            float[] out;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = format.quantizeSte(x);
                out = y.toFloatArray();
                collector.backward(y.mul(manager.arange(400f)).sum());
            }
            for (float v : out) {
                assertThat(v * 8f).isEqualTo((float) Math.rint(v * 8f));
                assertThat((double) v).isBetween(-8.0, 7.0);
            }
            assertThat(x.getGradient().toFloatArray())
                    .containsExactly(manager.arange(400f).toFloatArray());
        }
    }

    @Test
    void refusesDegenerateFormats() {
        assertThatThrownBy(() -> new FixedPoint(1, 8))
                .hasMessageContaining("activation_integer_bits");
        assertThatThrownBy(() -> new FixedPoint(8, -1))
                .hasMessageContaining("activation_fraction_bits");
        assertThatThrownBy(
                        () ->
                                new ShiftSettings(
                                        ShiftType.Q, 9, Rounding.DETERMINISTIC, FixedPoint.DEFAULT))
                .hasMessageContaining("weight_bits");
        assertThatThrownBy(() -> ShiftType.parse("X")).hasMessageContaining("shift_type");
        assertThatThrownBy(() -> Rounding.parse("up")).hasMessageContaining("rounding");
    }
}
