package io.greenband.suggester.core.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.suggester.core.space.Dimension;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    private static double f(double[] x) {
        return Math.sin(6 * x[0]) + 2 * x[1] * x[1];
    }

    private static double[][] points(int n, SplittableRandom rng) {
        double[][] x = new double[n][2];
        for (double[] row : x) {
            row[0] = rng.nextDouble();
            row[1] = rng.nextDouble();
        }
        return x;
    }

    private static double[] values(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = f(x[i]);
        }
        return y;
    }

    @Test
    void aSmoothFunctionIsLearnedFromFewRowsBetterThanByTheForest() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] train = points(40, rng);
        double[] y = values(train);
        GaussianProcess gp = GaussianProcess.fit(train, y);
        RandomForest forest = RandomForest.fit(train, y, ForestSettings.smac(), 7);
        double[][] test = points(200, rng);
        double[] truth = values(test);
        double[] m = new double[test.length];
        double[] v = new double[test.length];
        gp.predict(test, m, v);
        double gpError = 0;
        for (int i = 0; i < test.length; i++) {
            gpError += (m[i] - truth[i]) * (m[i] - truth[i]);
            assertThat(v[i]).isPositive();
        }
        forest.predict(test, m, v);
        double forestError = 0;
        for (int i = 0; i < test.length; i++) {
            forestError += (m[i] - truth[i]) * (m[i] - truth[i]);
        }
        assertThat(gpError).isLessThan(forestError / 4);
    }

    @Test
    void itIsCertainAtItsDataAndUnsureFarFromIt() {
        double[][] train = {{0.1, 0.1}, {0.2, 0.3}, {0.3, 0.2}, {0.25, 0.15}, {0.15, 0.3}};
        GaussianProcess gp = GaussianProcess.fit(train, values(train));
        double[] near = new double[2];
        double[] far = new double[2];
        gp.predict(train[1], near);
        gp.predict(new double[] {0.95, 0.95}, far);
        assertThat(Math.abs(near[0] - f(train[1]))).isLessThan(0.05);
        assertThat(far[1]).isGreaterThan(10 * near[1]);
    }

    @Test
    void theSameRowsGiveTheSameModel() {
        double[][] train = points(30, new SplittableRandom(5));
        double[] y = values(train);
        double[] a = new double[2];
        double[] b = new double[2];
        GaussianProcess.fit(train, y).predict(new double[] {0.4, 0.6}, a);
        GaussianProcess.fit(train, y).predict(new double[] {0.4, 0.6}, b);
        assertThat(a).containsExactly(b);
    }

    @Test
    void kernelFeaturesOneHotCategoriesAndScaleOrdinals() {
        VectorSpace space =
                new VectorSpace(
                        List.of(
                                Dimension.uniformFloat("x", 0, 1, false),
                                Dimension.categorical("c", List.of("a", "b", "c"), null, "a"),
                                Dimension.ordinal("o", List.of(1, 2, 3, 4, 5), 1)),
                        List.of(),
                        List.of());
        FeatureEncoder encoder = new FeatureEncoder(space, true);
        KernelFeatures features = new KernelFeatures(space, encoder);
        assertThat(features.width()).isEqualTo(1 + 4 + 1 + 1);
        double[] row = encoder.row(new double[] {0.25, 2, 4}, 0.5);
        assertThat(features.map(row, 0)).containsExactly(0.25, 0, 0, 1, 0, 1.0, 0.5);
        double[] inactive = encoder.row(new double[] {Double.NaN, Double.NaN, Double.NaN}, 1);
        assertThat(features.map(inactive, 0)).containsExactly(-1, 0, 0, 0, 1, -1, 1);
    }
}
