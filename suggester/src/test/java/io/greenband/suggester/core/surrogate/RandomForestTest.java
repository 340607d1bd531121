package io.greenband.suggester.core.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomForestTest {

    private static double f(double[] x) {
        return Math.sin(6 * x[0]) + 2 * x[1] * x[1] + (x[2] > 1.5 ? 1 : 0);
    }

    private static double[][] points(int n, SplittableRandom rng) {
        double[][] x = new double[n][3];
        for (double[] row : x) {
            row[0] = rng.nextDouble();
            row[1] = rng.nextDouble();
            row[2] = rng.nextInt(3); // a categorical index
        }
        return x;
    }

    @Test
    void forestBeatsTheMeanPredictorOnAKnownFunction() {
        SplittableRandom rng = new SplittableRandom(42);
        double[][] train = points(300, rng);
        double[] y = new double[train.length];
        double mean = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = f(train[i]);
            mean += y[i] / y.length;
        }
        ForestSettings plain = new ForestSettings(10, 1.0, 2, 1, 1 << 20, 1e-8, true, false);
        RandomForest forest = RandomForest.fit(train, y, plain, 7);
        double[][] test = points(300, rng);
        double[] m = new double[test.length];
        double[] v = new double[test.length];
        forest.predict(test, m, v);
        double mseForest = 0;
        double mseMean = 0;
        for (int i = 0; i < test.length; i++) {
            double truth = f(test[i]);
            mseForest += (m[i] - truth) * (m[i] - truth);
            mseMean += (mean - truth) * (mean - truth);
        }
        assertThat(mseForest).isLessThan(0.2 * mseMean);
        assertThat(java.util.Arrays.stream(v).min().orElseThrow())
                .isGreaterThanOrEqualTo(RandomForest.MIN_VARIANCE);
    }

    @Test
    void sameSeedSameForestAndTreesDisagreeAwayFromData() {
        SplittableRandom rng = new SplittableRandom(1);
        double[][] train = points(50, rng);
        double[] y = new double[train.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = f(train[i]);
        }
        double[][] test = points(20, rng);
        double[] m1 = new double[20];
        double[] v1 = new double[20];
        double[] m2 = new double[20];
        double[] v2 = new double[20];
        RandomForest.fit(train, y, ForestSettings.smac(), 3).predict(test, m1, v1);
        RandomForest.fit(train, y, ForestSettings.smac(), 3).predict(test, m2, v2);
        assertThat(m1).isEqualTo(m2);
        assertThat(v1).isEqualTo(v2);
        assertThat(java.util.Arrays.stream(v1).max().orElseThrow()).isGreaterThan(1e-6);
    }

    @Test
    void logLeavesAverageInTheUnloggedSpace() {
        double[][] x = {{0}, {0}};
        double[] y = {Math.log(1), Math.log(3)};
        ForestSettings oneTree = new ForestSettings(1, 1.0, 2, 1, 1 << 20, 1e-8, false, true);
        double[] m = new double[1];
        double[] v = new double[1];
        RandomForest.fit(x, y, oneTree, 0).predict(new double[][] {{0}}, m, v);
        assertThat(m[0]).isCloseTo(Math.log(2), offset(1e-12));
    }

    @Test
    void logScaledResponseKeepsOrderAndPutsTheWorstAtZero() {
        double[] y = {0.3, 0.1, 0.9, 0.5};
        double[] t = LogScaledResponse.transform(y);
        assertThat(t[2]).isCloseTo(0.0, offset(1e-12));
        assertThat(t[1]).isLessThan(t[0]);
        assertThat(t[0]).isLessThan(t[3]);
        assertThat(LogScaledResponse.transform(new double[] {2, 2})).containsExactly(0.0, 0.0);
    }

    @Test
    void batchPredictionEqualsRowByRowForEveryBatchSize() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] train = points(200, rng);
        double[] y = new double[train.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = f(train[i]);
        }
        RandomForest forest = RandomForest.fit(train, y, ForestSettings.smac(), 11);
        for (int size = 1; size <= 9; size++) {
            double[][] test = points(size, rng);
            double[] m = new double[size];
            double[] v = new double[size];
            forest.predict(test, m, v);
            double[] one = new double[2];
            for (int i = 0; i < size; i++) {
                forest.predict(test[i], one);
                assertThat(m[i]).isEqualTo(one[0]);
                assertThat(v[i]).isEqualTo(one[1]);
            }
        }
    }

    @Test
    void forestBeyondTheBootstrapCapStillLearnsTheFunction() {
        SplittableRandom rng = new SplittableRandom(8);
        double[][] train = points(4 * RandomForest.MAX_BOOTSTRAP_ROWS, rng);
        double[] y = new double[train.length];
        double mean = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = f(train[i]);
            mean += y[i] / y.length;
        }
        ForestSettings plain = new ForestSettings(10, 1.0, 2, 1, 1 << 20, 1e-8, true, false);
        RandomForest forest = RandomForest.fit(train, y, plain, 4);
        double[][] test = points(300, rng);
        double[] m = new double[test.length];
        double[] v = new double[test.length];
        forest.predict(test, m, v);
        double mseForest = 0;
        double mseMean = 0;
        for (int i = 0; i < test.length; i++) {
            double truth = f(test[i]);
            mseForest += (m[i] - truth) * (m[i] - truth);
            mseMean += (mean - truth) * (mean - truth);
        }
        assertThat(mseForest).isLessThan(0.1 * mseMean);
    }
}
