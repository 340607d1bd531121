package io.greenband.trainer.dsnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShiftWeightsTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private float[] q(float[] w, int bits) {
        int minShift =
                new ShiftSettings(ShiftType.Q, bits, Rounding.DETERMINISTIC, FixedPoint.DEFAULT)
                        .minShift();
        NDArray latent = ShiftWeights.clampQ(manager.create(w), minShift);
        return ShiftWeights.quantizeQ(latent, minShift, Rounding.DETERMINISTIC).toFloatArray();
    }

    @Test
    void qRoundsInTheLogDomainAndClampsToTheBitRange() {
        float[] w = {
            -1.7f, -0.9f, -0.74f, -0.70f, -0.3f, -2e-5f, 0f, 1e-9f, 0.0625f, 0.09f, 0.1f, 0.36f,
            0.75f, 1f, 3f
        };
        float p15 = (float) Math.scalb(1.0, -15);
        assertThat(q(w, 5))
                .containsExactly(
                        -1f, -1f, -1f, -0.5f, -0.25f, -p15, 0f, p15, 0.0625f, 0.125f, 0.125f, 0.5f,
                        1f, 1f, 1f);
        assertThat(q(w, 3))
                .containsExactly(
                        -1f, -1f, -1f, -0.5f, -0.25f, -0.125f, 0f, 0.125f, 0.125f, 0.125f, 0.125f,
                        0.5f, 1f, 1f, 1f);
        assertThat(q(w, 2))
                .containsExactly(
                        -1f, -1f, -1f, -0.5f, -0.5f, -0.5f, 0f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 1f,
                        1f, 1f);
    }

    @Test
    void qWeightsAreExactSignedPowersOfTwoInsideTheRangeForEveryBitCount() {
        for (int bits = 2; bits <= 8; bits++) {
            Engine.getEngine("PyTorch").setRandomSeed(bits);
            for (Rounding rounding : Rounding.values()) {
                int minShift = -((1 << (bits - 1)) - 1);
                NDArray latent =
                        ShiftWeights.clampQ(
                                manager.randomNormal(
                                        0f,
                                        0.5f,
                                        new Shape(500),
                                        ai.djl.ndarray.types.DataType.FLOAT32),
                                minShift);
                for (float v : ShiftWeights.quantizeQ(latent, minShift, rounding).toFloatArray()) {
                    assertPowerOfTwo(v, minShift, 0);
                }
            }
        }
    }

    @Test
    void stochasticQOnExactZerosStaysZeroWithoutNaN() {
        float[] out =
                ShiftWeights.quantizeQ(
                                manager.create(new float[] {0f, 0f, 0.3f}),
                                -15,
                                Rounding.STOCHASTIC)
                        .toFloatArray();
        assertThat(out[0]).isZero();
        assertThat(out[1]).isZero();
        assertThat(out[2]).isIn(0.25f, 0.5f);
    }

    @Test
    void psSignsAreTernaryAndShiftsRoundHalfToEven() {
        NDArray shift =
                ShiftWeights.clampShift(
                        manager.create(
                                new float[] {-20f, -14.6f, -14.4f, -3.5f, -2.5f, -0.49f, 0.3f, 2f}),
                        -14);
        NDArray sign =
                manager.create(new float[] {-1.2f, -0.51f, -0.5f, -0.49f, 0f, 0.49f, 0.5f, 0.51f});
        float p14 = (float) Math.scalb(1.0, -14);
        assertThat(ShiftWeights.weightPs(shift, sign, Rounding.DETERMINISTIC).toFloatArray())
                .containsExactly(-p14, -p14, 0f, 0f, 0f, 0f, 0f, 1f);
        assertThat(
                        ShiftWeights.ternarySign(
                                        manager.create(
                                                new float[] {-1.6f, -0.7f, 0.2f, 0.9f, 2.4f}),
                                        Rounding.DETERMINISTIC)
                                .toFloatArray())
                .containsExactly(-1f, -1f, 0f, 1f, 1f);
    }

    @Test
    void stochasticPsSignsAreTernaryAndUnbiased() {
        Engine.getEngine("PyTorch").setRandomSeed(7);
        NDArray latent = manager.full(new Shape(20000), 0.3f);
        float[] signs = ShiftWeights.ternarySign(latent, Rounding.STOCHASTIC).toFloatArray();
        double mean = 0;
        for (float s : signs) {
            assertThat(s).isIn(0f, 1f);
            mean += s / signs.length;
        }
        assertThat(mean).isCloseTo(0.3, within(0.02));
        for (float s :
                ShiftWeights.ternarySign(
                                manager.randomUniform(-3f, 3f, new Shape(1000)),
                                Rounding.STOCHASTIC)
                        .toFloatArray()) {
            assertThat(s).isIn(-1f, 0f, 1f);
        }
    }

    @Test
    void psWeightsAreSignedPowersOfTwoOrZeroForEveryBitCount() {
        for (int bits = 2; bits <= 8; bits++) {
            int minShift =
                    new ShiftSettings(
                                    ShiftType.PS, bits, Rounding.DETERMINISTIC, FixedPoint.DEFAULT)
                            .minShift();
            assertThat(minShift).isEqualTo(-((1 << (bits - 1)) - 2));
            NDArray shift =
                    ShiftWeights.clampShift(
                            manager.randomUniform(-20f, 3f, new Shape(300)), minShift);
            NDArray sign = manager.randomUniform(-2f, 2f, new Shape(300));
            for (Rounding rounding : Rounding.values()) {
                for (float v : ShiftWeights.weightPs(shift, sign, rounding).toFloatArray()) {
                    if (v != 0f) {
                        assertPowerOfTwo(v, minShift, 0);
                    }
                }
            }
        }
    }

    static void assertPowerOfTwo(float v, int minShift, int maxShift) {
        if (v == 0f) {
            return;
        }
        float magnitude = Math.abs(v);
        int exponent = Math.getExponent(magnitude);
        assertThat(magnitude)
                .as("%s is a power of two", v)
                .isEqualTo((float) Math.scalb(1.0, exponent));
        assertThat(exponent).as("exponent of %s", v).isBetween(minShift, maxShift);
    }
}
