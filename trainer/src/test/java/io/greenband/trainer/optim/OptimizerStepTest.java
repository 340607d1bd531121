package io.greenband.trainer.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two-parameter problem L = 0.5 (3 w0^2 + 0.5 w1^2), gradient (3 w0, 0.5 w1), from w = (1, -2): our
 * DJL optimisers against scalar hand computations of the same formulas.
 */
class OptimizerStepTest {

    private static final double[] CURVATURE = {3.0, 0.5};
    private static final double[] START = {1.0, -2.0};
    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static GroupedOptimizer.Builder builder(float lr, float weightDecay) {
        return new GroupedOptimizer.Builder()
                .setLearningRate(LearningRateSchedule.constant(lr).perUpdate(1))
                .optWeightDecays(Map.of("w", weightDecay));
    }

    /** Runs {@code steps} updates and returns the weights after each one. */
    private float[][] run(Optimizer optimizer, int steps) {
        NDArray w = manager.create(new float[] {(float) START[0], (float) START[1]});
        NDArray curvature =
                manager.create(new float[] {(float) CURVATURE[0], (float) CURVATURE[1]});
        float[][] trace = new float[steps][];
        for (int t = 0; t < steps; t++) {
            optimizer.update("w", w, w.mul(curvature));
            trace[t] = w.toFloatArray();
        }
        return trace;
    }

    /** Scalar RAdam / Ranger exactly as documented in {@link RAdam} and {@link Ranger}. */
    private static double[][] handRAdam(
            int steps,
            double lr,
            double wd,
            double b1,
            double b2,
            double eps,
            boolean strict,
            int lookahead) {
        double[] w = START.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        double[] slow = START.clone();
        double[][] trace = new double[steps][];
        for (int t = 1; t <= steps; t++) {
            for (int i = 0; i < 2; i++) {
                double g = CURVATURE[i] * w[i];
                w[i] -= lr * wd * w[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double b2t = Math.pow(b2, t);
                double rhoInf = 2 / (1 - b2) - 1;
                double rho = rhoInf - 2 * t * b2t / (1 - b2t);
                if (strict ? rho > 5 : rho >= 5) {
                    double r =
                            Math.sqrt(
                                    (1 - b2t)
                                            * (rho - 4)
                                            * (rho - 2)
                                            * rhoInf
                                            / ((rhoInf - 4) * (rhoInf - 2) * rho));
                    w[i] -= lr * r / (1 - Math.pow(b1, t)) * m[i] / (Math.sqrt(v[i]) + eps);
                } else {
                    w[i] -= lr / (1 - Math.pow(b1, t)) * m[i];
                }
                if (lookahead > 0 && t % lookahead == 0) {
                    slow[i] += 0.5 * (w[i] - slow[i]);
                    w[i] = slow[i];
                }
            }
            trace[t - 1] = w.clone();
        }
        return trace;
    }

    private static void assertTrace(float[][] actual, double[][] expected) {
        for (int t = 0; t < expected.length; t++) {
            for (int i = 0; i < 2; i++) {
                assertThat((double) actual[t][i])
                        .as("step %d, w%d", t + 1, i)
                        .isCloseTo(expected[t][i], within(2e-6 + 1e-5 * Math.abs(expected[t][i])));
            }
        }
    }

    @Test
    void radamTakesMomentumStepsUntilStepFiveThenAdaptiveSteps() {
        float[][] trace = run(new RAdam(builder(0.1f, 0.01f)), 13);
        // step 1 by hand: decay w *= 1 - 0.001, then m/(1-0.9) = g, so w - 0.1 g = (0.699, -1.898)
        assertThat(trace[0][0]).isCloseTo(0.699f, within(1e-6f));
        assertThat(trace[0][1]).isCloseTo(-1.898f, within(1e-6f));
        assertTrace(trace, handRAdam(13, 0.1, 0.01, 0.9, 0.999, 1e-8, false, 0));
    }

    @Test
    void rangerIsRAdamWithLookaheadEverySixSteps() {
        float[][] trace = run(new Ranger(builder(0.1f, 0f)), 13);
        assertThat(trace[0][0]).isCloseTo(0.7f, within(1e-6f));
        assertTrace(trace, handRAdam(13, 0.1, 0, 0.95, 0.999, 1e-5, true, 6));
        double[][] withoutLookahead = handRAdam(6, 0.1, 0, 0.95, 0.999, 1e-5, true, 0);
        assertThat((double) trace[5][0])
                .isCloseTo((1.0 + withoutLookahead[5][0]) / 2, within(1e-5));
    }

    @Test
    void sgdMomentumAndAdamFirstStepsMatchHandValues() {
        float[][] sgd = run(new SgdOptimizer(builder(0.1f, 0f), 0.9f), 2);
        assertThat(sgd[0]).containsExactly(new float[] {0.7f, -1.9f}, within(1e-6f));
        assertThat(sgd[1]).containsExactly(new float[] {0.22f, -1.715f}, within(1e-6f));
        float[][] adam = run(new AdamOptimizer(builder(0.1f, 0f)), 1);
        assertThat(adam[0]).containsExactly(new float[] {0.9f, -1.9f}, within(1e-6f));
        float[][] adagrad = run(new AdagradOptimizer(builder(0.1f, 0f)), 1);
        assertThat(adagrad[0]).containsExactly(new float[] {0.9f, -1.9f}, within(1e-6f));
        float[][] rms = run(new RmsPropOptimizer(builder(0.01f, 0f), 0f), 1);
        // s = 0.01 g^2, so the step is lr * g / (0.1 |g|) = 0.1 sign(g)
        assertThat(rms[0]).containsExactly(new float[] {0.9f, -1.9f}, within(1e-5f));
        float[][] adadelta = run(new AdadeltaOptimizer(builder(1f, 0f)), 1);
        // d = sqrt(1e-6)/sqrt(0.1 g^2 + 1e-6) g
        double d0 = Math.sqrt(1e-6) / Math.sqrt(0.1 * 9 + 1e-6) * 3;
        assertThat((double) adadelta[0][0]).isCloseTo(1 - d0, within(1e-6));
    }

    @Test
    void everyOptimizerDescendsTheQuadratic() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            float lr = kind == OptimizerKind.ADADELTA ? 1f : 0.05f;
            OptimizerSettings settings = new OptimizerSettings(kind, lr, 0.5f, 0f);
            GroupedOptimizer.Builder b = builder(lr, 0f);
            Optimizer optimizer =
                    switch (kind) {
                        case SGD -> new SgdOptimizer(b, settings.momentum());
                        case RMSPROP -> new RmsPropOptimizer(b, settings.momentum());
                        case ADAM -> new AdamOptimizer(b);
                        case ADAGRAD -> new AdagradOptimizer(b);
                        case ADADELTA -> new AdadeltaOptimizer(b);
                        case RADAM -> new RAdam(b);
                        case RANGER -> new Ranger(b);
                    };
            float[][] trace = run(optimizer, 30);
            double start = 0.5 * (3 * 1 + 0.5 * 4);
            float[] end = trace[29];
            double loss = 0.5 * (3 * end[0] * end[0] + 0.5 * end[1] * end[1]);
            assertThat(loss).as(kind.id()).isLessThan(start);
        }
    }

    @Test
    void referenceScheduleDropsAtTheScaledMilestones() {
        LearningRateSchedule full = LearningRateSchedule.referenceSteps(0.1f, 200);
        assertThat(full.at(79)).isEqualTo(0.1f);
        assertThat(full.at(80)).isCloseTo(0.01f, within(1e-9f));
        assertThat(full.at(120)).isCloseTo(0.001f, within(1e-10f));
        assertThat(full.at(199)).isCloseTo(1e-5f, within(1e-12f));
        LearningRateSchedule shortRun = LearningRateSchedule.referenceSteps(1f, 3);
        assertThat(new float[] {shortRun.at(0), shortRun.at(1), shortRun.at(2)})
                .containsExactly(new float[] {1f, 1f, 0.01f}, within(1e-7f));
        assertThat(LearningRateSchedule.constant(0.3f).perUpdate(10).getNewValue(95))
                .isEqualTo(0.3f);
        assertThat(full.perUpdate(10).getNewValue(799)).isEqualTo(0.1f);
        assertThat(full.perUpdate(10).getNewValue(800)).isCloseTo(0.01f, within(1e-9f));
    }
}
