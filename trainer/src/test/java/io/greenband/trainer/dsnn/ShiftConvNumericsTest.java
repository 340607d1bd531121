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
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins the numerics of the shift convolution against cases computed by hand: a 2x2 kernel over a
 * 3x3 input (stride 1, no padding, 2x2 output), activations on a coarse 4.2 fixed-point grid (step
 * 0.25, clip [-8, 7]), loss {@code L = sum(c * y)} with {@code c = [[1, -2], [3, 0.5]]}. Every
 * expected value is a short dyadic fraction, so float sums are exact in any order and the
 * comparisons are exact (PS shift gradients carry ln 2).
 */
class ShiftConvNumericsTest {

    private static final double LN2 = Math.log(2);

    /** Off-grid inputs, one (9.0) beyond the clip: the layer sees xq below. */
    private static final float[] X = {0.5f, -1.3f, 2.0f, 0.6f, 9.0f, -0.1f, 1.0f, 0.25f, -2.6f};

    private static final FixedPoint GRID = new FixedPoint(4, 2);

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void activationsAreFlooredToTheGridAndClipped() {
        // floor(4x)/4, then clip to [-8, 7]: -1.3 -> -1.5, 0.6 -> 0.5, 9.0 -> 7, -0.1 -> -0.25,
        // -2.6 -> -2.75
        assertThat(GRID.quantize(manager.create(X)).toFloatArray())
                .containsExactly(0.5f, -1.5f, 2.0f, 0.5f, 7.0f, -0.25f, 1.0f, 0.25f, -2.75f);
    }

    @Test
    void qConvolutionForwardAndGradients() {
        ShiftConv2d conv =
                new ShiftConv2d(
                        new ShiftSettings(ShiftType.Q, 5, Rounding.DETERMINISTIC, GRID),
                        1,
                        1,
                        2,
                        1,
                        0,
                        true);
        conv.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 3, 3));
        param(conv, ShiftBlock.WEIGHT).set(new float[] {0.74f, -0.3f, 0.09f, -0.6f});
        param(conv, ShiftBlock.BIAS).set(new float[] {0.3f});
        conv.clampLatent();
        NDArray x = input();

        NDArray y = forwardBackward(conv, x);

        // log2|W| = -0.43, -1.74, -3.47, -0.74 round to 0, -2, -3, -1: Wq = [[1, -0.25], [0.125,
        // -0.5]]
        assertThat(conv.exportWeight().toFloatArray()).containsExactly(1f, -0.25f, 0.125f, -0.5f);
        // bias 0.3 on the grid: floor(1.2)/4 = 0.25
        assertThat(conv.exportBias().toFloatArray()).containsExactly(0.25f);
        // xq = [[0.5, -1.5, 2], [0.5, 7, -0.25], [1, 0.25, -2.75]]
        // y00 = 0.5 + 0.375 + 0.0625 - 3.5 + 0.25;  y01 = -1.5 - 0.5 + 0.875 + 0.125 + 0.25
        // y10 = 0.5 - 1.75 + 0.125 - 0.125 + 0.25;  y11 = 7 + 0.0625 + 0.03125 + 1.375 + 0.25
        assertThat(y.toFloatArray()).containsExactly(-2.3125f, -0.75f, -1.0f, 8.71875f);
        // straight through to the latent weight: dL/dW[a][b] = sum_ij c[i][j] xq[i+a][j+b]
        // W00 = 0.5 + 3 + 1.5 + 3.5;  W01 = -1.5 - 4 + 21 - 0.125;  W10 = 0.5 - 14 + 3 + 0.125;
        // W11 = 7 + 0.5 + 0.75 - 1.375
        assertThat(grad(conv, ShiftBlock.WEIGHT)).containsExactly(8.5f, 15.375f, -10.375f, 6.875f);
        // dL/db = sum(c), straight through the bias grid
        assertThat(grad(conv, ShiftBlock.BIAS)).containsExactly(2.5f);
        // dL/dx = full correlation of c with Wq, straight through the grid (the clipped 9.0 too)
        // x11 = c00 W11 + c01 W10 + c10 W01 + c11 W00 = -0.5 - 0.25 - 0.75 + 0.5
        assertThat(x.getGradient().toFloatArray())
                .containsExactly(1f, -2.25f, 0.5f, 3.125f, -1.0f, 0.875f, 0.375f, -1.4375f, -0.25f);
    }

    @Test
    void psConvolutionForwardAndGradients() {
        ShiftConv2d conv =
                new ShiftConv2d(
                        new ShiftSettings(ShiftType.PS, 5, Rounding.DETERMINISTIC, GRID),
                        1,
                        1,
                        2,
                        1,
                        0,
                        false);
        conv.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 3, 3));
        param(conv, ShiftBlock.SHIFT).set(new float[] {-1.2f, 0.4f, -2.5f, -3.6f});
        param(conv, ShiftBlock.SIGN).set(new float[] {0.8f, -0.7f, 0.2f, -1.6f});
        conv.clampLatent();
        // 5-bit PS shifts live in [-14, 0]: 0.4 is clamped to 0; the sign latent is left as it is
        assertThat(param(conv, ShiftBlock.SHIFT).toFloatArray())
                .containsExactly(-1.2f, 0f, -2.5f, -3.6f);
        assertThat(param(conv, ShiftBlock.SIGN).toFloatArray())
                .containsExactly(0.8f, -0.7f, 0.2f, -1.6f);
        NDArray x = input();

        NDArray y = forwardBackward(conv, x);

        // R(P) = -1, 0, -2 (half to even), -4; sgn(R(S)) = 1, -1, 0, -1: Wps = [[0.5, -1], [0,
        // -0.0625]]
        assertThat(conv.exportWeight().toFloatArray()).containsExactly(0.5f, -1f, 0f, -0.0625f);
        // y00 = 0.25 + 1.5 + 0 - 0.4375;  y01 = -0.75 - 2 + 0 + 0.015625
        // y10 = 0.25 - 7 + 0 - 0.015625;  y11 = 3.5 + 0.25 + 0 + 0.171875
        assertThat(y.toFloatArray()).containsExactly(1.3125f, -2.734375f, -6.765625f, 3.921875f);
        // g = dL/dW as in the Q case = [[8.5, 15.375], [-10.375, 6.875]]; dL/dS = g (straight
        // through)
        assertThat(grad(conv, ShiftBlock.SIGN)).containsExactly(8.5f, 15.375f, -10.375f, 6.875f);
        // dL/dP = g * W * ln 2 = 4.25 ln2, -15.375 ln2, 0 (zero sign), -0.4296875 ln2
        float[] shiftGrad = grad(conv, ShiftBlock.SHIFT);
        double[] expected = {4.25 * LN2, -15.375 * LN2, 0, -0.4296875 * LN2};
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) shiftGrad[i])
                    .as("dL/dP[%d]", i)
                    .isCloseTo(expected[i], within(1e-5));
        }
        // dL/dx = full correlation of c with Wps; x11 = -0.0625 + 0 - 3 + 0.25
        assertThat(x.getGradient().toFloatArray())
                .containsExactly(0.5f, -2f, 2f, 1.5f, -2.8125f, -0.375f, 0f, -0.1875f, -0.03125f);
    }

    @Test
    void psShiftPenaltyAndItsGradient() {
        ShiftConv2d conv =
                new ShiftConv2d(ShiftSettings.defaults(ShiftType.PS), 1, 1, 2, 1, 0, false);
        conv.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 3, 3));
        param(conv, ShiftBlock.SHIFT).set(new float[] {-1f, 0f, -2.5f, -3f});
        NDArray penalty;
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            penalty = conv.shiftPenalty();
            collector.backward(penalty);
        }
        // sum (2^P)^2 = 1/4 + 1 + 2^-5 + 1/64 = 1.296875; d/dP = 2 ln2 4^P
        assertThat(penalty.getFloat()).isEqualTo(1.296875f);
        float[] gradient = grad(conv, ShiftBlock.SHIFT);
        double[] expected = {0.5 * LN2, 2 * LN2, 0.0625 * LN2, 0.03125 * LN2};
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) gradient[i])
                    .as("d penalty/dP[%d]", i)
                    .isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void threeBitQClampsSmallWeightsToTheSmallestShift() {
        ShiftConv2d conv =
                new ShiftConv2d(
                        new ShiftSettings(ShiftType.Q, 3, Rounding.DETERMINISTIC, GRID),
                        1,
                        1,
                        2,
                        1,
                        0,
                        false);
        conv.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 3, 3));
        param(conv, ShiftBlock.WEIGHT).set(new float[] {0.05f, -0.02f, 0.7f, -1.0f});
        conv.clampLatent();
        // 3 bits: shifts in [-3, 0]; |W| is clamped to [1/8, 1], then log2 0.7 = -0.51 rounds to -1
        assertThat(param(conv, ShiftBlock.WEIGHT).toFloatArray())
                .containsExactly(0.125f, -0.125f, 0.7f, -1f);
        assertThat(conv.exportWeight().toFloatArray()).containsExactly(0.125f, -0.125f, 0.5f, -1f);
        // evaluation uses the exported weight on the activation grid: y00 = 0.0625 + 0.1875 + 0.25
        // - 7
        NDArray y =
                conv.forward(new ParameterStore(manager, false), new NDList(input()), false)
                        .singletonOrThrow();
        assertThat(y.toFloatArray()[0]).isEqualTo(-6.5f);
    }

    private NDArray input() {
        NDArray x = manager.create(X, new Shape(1, 1, 3, 3));
        x.setRequiresGradient(true);
        return x;
    }

    private NDArray forwardBackward(ShiftConv2d conv, NDArray x) {
        ParameterStore store = new ParameterStore(manager, false);
        NDArray c = manager.create(new float[] {1f, -2f, 3f, 0.5f}, new Shape(1, 1, 2, 2));
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray y = conv.forward(store, new NDList(x), true).singletonOrThrow();
            collector.backward(y.mul(c).sum());
            return y.duplicate();
        }
    }

    private static NDArray param(ShiftBlock block, String name) {
        return block.getDirectParameters().get(name).getArray();
    }

    private static float[] grad(ShiftBlock block, String name) {
        return param(block, name).getGradient().toFloatArray();
    }
}
