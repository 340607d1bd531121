package io.greenband.trainer.dsnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed forward values and gradients of tiny shift layers (y = x W^T + b, L = sum(c * y)).
 */
class ShiftLayerGradientTest {

    private static final float LN2 = (float) Math.log(2);
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static Parameter param(ShiftBlock block, String name) {
        return block.getDirectParameters().get(name);
    }

    private NDArray run(ShiftLinear layer, NDArray x) {
        ParameterStore store = new ParameterStore(manager, false);
        NDArray c = manager.create(new float[] {2f, -3f}, new Shape(1, 2));
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray y = layer.forward(store, new NDList(x), true).singletonOrThrow();
            collector.backward(y.mul(c).sum());
            return y.duplicate();
        }
    }

    @Test
    void qGradientIsStraightThroughTheQuantisedWeight() {
        ShiftLinear layer = new ShiftLinear(ShiftSettings.defaults(ShiftType.Q), 2, 2, true);
        layer.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        param(layer, ShiftBlock.WEIGHT).getArray().set(new float[] {0.74f, -0.3f, 0.09f, 1.7f});
        param(layer, ShiftBlock.BIAS).getArray().set(new float[] {0.25f, -0.5f});
        layer.clampLatent();
        assertThat(param(layer, ShiftBlock.WEIGHT).getArray().toFloatArray())
                .containsExactly(0.74f, -0.3f, 0.09f, 1f);

        NDArray x = manager.create(new float[] {0.5f, -1.25f}, new Shape(1, 2));
        x.setRequiresGradient(true);
        NDArray y = run(layer, x);

        // W_q = [[1, -0.25], [0.125, 1]]
        assertThat(y.toFloatArray()).containsExactly(1.0625f, -1.6875f);
        assertThat(param(layer, ShiftBlock.WEIGHT).getArray().getGradient().toFloatArray())
                .containsExactly(1f, -2.5f, -1.5f, 3.75f);
        assertThat(param(layer, ShiftBlock.BIAS).getArray().getGradient().toFloatArray())
                .containsExactly(2f, -3f);
        assertThat(x.getGradient().toFloatArray()).containsExactly(1.625f, -3.5f);
        assertThat(layer.exportWeight().toFloatArray()).containsExactly(1f, -0.25f, 0.125f, 1f);
    }

    @Test
    void psGradientsAreGTimesWeightTimesLn2ForShiftsAndGForSigns() {
        ShiftLinear layer = new ShiftLinear(ShiftSettings.defaults(ShiftType.PS), 2, 2, false);
        layer.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        param(layer, ShiftBlock.SHIFT).getArray().set(new float[] {-1.2f, -3.6f, 0.3f, -2.5f});
        param(layer, ShiftBlock.SIGN).getArray().set(new float[] {0.8f, -0.7f, 0.2f, 1.3f});
        layer.clampLatent();
        assertThat(param(layer, ShiftBlock.SHIFT).getArray().toFloatArray())
                .containsExactly(-1.2f, -3.6f, 0f, -2.5f);

        NDArray x = manager.create(new float[] {0.5f, -1.25f}, new Shape(1, 2));
        NDArray y = run(layer, x);

        // W_ps = [[0.5, -0.0625], [0, 0.25]]; g = c_i * x_j = [[1, -2.5], [-1.5, 3.75]]
        assertThat(y.toFloatArray()).containsExactly(0.328125f, -0.3125f);
        float[] shiftGrad = param(layer, ShiftBlock.SHIFT).getArray().getGradient().toFloatArray();
        float[] expected = {0.5f * LN2, 0.15625f * LN2, 0f, 0.9375f * LN2};
        for (int i = 0; i < expected.length; i++) {
            assertThat(shiftGrad[i]).isCloseTo(expected[i], within(1e-6f));
        }
        assertThat(param(layer, ShiftBlock.SIGN).getArray().getGradient().toFloatArray())
                .containsExactly(1f, -2.5f, -1.5f, 3.75f);
        assertThat(layer.exportWeight().toFloatArray()).containsExactly(0.5f, -0.0625f, 0f, 0.25f);
    }

    @Test
    void shiftConvolutionEqualsADenseConvolutionWithTheExportedWeightOnTheActivationGrid() {
        ShiftSettings settings =
                new ShiftSettings(ShiftType.Q, 4, Rounding.DETERMINISTIC, new FixedPoint(4, 3));
        ShiftConv2d conv = new ShiftConv2d(settings, 2, 3, 3, 2, 1, true);
        Engine.getEngine("PyTorch").setRandomSeed(11);
        conv.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 5, 5));
        conv.clampLatent();
        NDArray x = manager.randomNormal(0f, 2f, new Shape(1, 2, 5, 5), DataType.FLOAT32);
        NDArray y =
                conv.forward(new ParameterStore(manager, false), new NDList(x), false)
                        .singletonOrThrow();
        assertThat(y.getShape()).isEqualTo(conv.getOutputShapes(new Shape[] {x.getShape()})[0]);
        NDArray expected =
                Conv2d.conv2d(
                                settings.activations().quantize(x),
                                conv.exportWeight(),
                                conv.exportBias(),
                                new Shape(2, 2),
                                new Shape(1, 1),
                                new Shape(1, 1),
                                1)
                        .singletonOrThrow();
        assertThat(y.toFloatArray()).containsExactly(expected.toFloatArray());
        for (float w : conv.exportWeight().toFloatArray()) {
            ShiftWeightsTest.assertPowerOfTwo(w, settings.minShift(), 0);
        }
    }

    @Test
    void stochasticRoundingVariesInTrainingButEvaluationIsDeterministic() {
        ShiftSettings settings =
                new ShiftSettings(ShiftType.Q, 5, Rounding.STOCHASTIC, FixedPoint.DEFAULT);
        ShiftLinear layer = new ShiftLinear(settings, 64, 4, false);
        Engine.getEngine("PyTorch").setRandomSeed(5);
        layer.initialize(manager, DataType.FLOAT32, new Shape(1, 64));
        layer.clampLatent();
        ParameterStore store = new ParameterStore(manager, false);
        NDArray x = manager.ones(new Shape(1, 64));
        float[] eval1 =
                layer.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
        float[] eval2 =
                layer.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
        assertThat(eval2).containsExactly(eval1);
        assertThat(eval1)
                .containsExactly(
                        Linear.linear(x, layer.exportWeight()).singletonOrThrow().toFloatArray());
        float[] train1 =
                layer.forward(store, new NDList(x), true).singletonOrThrow().toFloatArray();
        float[] train2 =
                layer.forward(store, new NDList(x), true).singletonOrThrow().toFloatArray();
        assertThat(train2).isNotEqualTo(train1);
    }

    @Test
    void psPenaltyIsTheSumOfSquaredMagnitudes() {
        ShiftLinear layer = new ShiftLinear(ShiftSettings.defaults(ShiftType.PS), 2, 1, false);
        layer.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
        param(layer, ShiftBlock.SHIFT).getArray().set(new float[] {-1f, -2f});
        NDArray penalty = layer.shiftPenalty();
        assertThat(penalty.getFloat()).isEqualTo(0.25f + 0.0625f);
    }
}
