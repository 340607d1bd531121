package io.greenband.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HypervolumeTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void matchesInclusionExclusionOnSmallRealSets(int dimension) {
        SplittableRandom random = new SplittableRandom(41 + dimension);
        double[] reference = filled(dimension, 1.1);
        for (int round = 0; round < 40; round++) {
            List<double[]> vectors =
                    TestPoints.vectors(
                            TestPoints.realPoints(random, 1 + random.nextInt(10), dimension));
            double expected = TestPoints.inclusionExclusion(vectors, reference);
            assertThat(Hypervolume.of(vectors, reference)).isCloseTo(expected, within(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void matchesCellCountOnIntegerSetsWithTiesAndDuplicates(int dimension) {
        SplittableRandom random = new SplittableRandom(7 * dimension);
        int levels = dimension <= 3 ? 9 : 5;
        double[] reference = filled(dimension, levels);
        for (int round = 0; round < 25; round++) {
            List<double[]> vectors =
                    TestPoints.vectors(
                            TestPoints.integerPoints(
                                    random, 1 + random.nextInt(40), dimension, levels));
            // Duplicate some vectors on purpose.
            vectors.addAll(vectors.subList(0, vectors.size() / 3));
            double expected = TestPoints.gridCount(vectors, dimension, levels);
            assertThat(Hypervolume.of(vectors, reference)).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void fourObjectivesAgreeWithMonteCarloOnALargerSet() {
        SplittableRandom random = new SplittableRandom(2024);
        List<double[]> vectors = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // Points on a sphere-like surface give a front where most points are non-dominated.
            double[] v = new double[4];
            double norm = 0;
            for (int j = 0; j < 4; j++) {
                v[j] = random.nextDouble();
                norm += v[j] * v[j];
            }
            for (int j = 0; j < 4; j++) {
                v[j] /= Math.sqrt(norm);
            }
            vectors.add(v);
        }
        double[] reference = filled(4, 1.0);
        int samples = 200_000;
        int hits = 0;
        for (int s = 0; s < samples; s++) {
            double[] x = {
                random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble()
            };
            for (double[] v : vectors) {
                if (Dominance.weaklyDominates(v, x)) {
                    hits++;
                    break;
                }
            }
        }
        double estimate = (double) hits / samples;
        double stdError = Math.sqrt(estimate * (1 - estimate) / samples);
        assertThat(Hypervolume.of(vectors, reference)).isCloseTo(estimate, within(5 * stdError));
    }

    @Test
    void pointsOnOrBeyondTheReferenceAddNothing() {
        double[] reference = {2, 2, 2};
        List<double[]> vectors =
                List.of(new double[] {1, 1, 1}, new double[] {0, 2, 0}, new double[] {3, 0, 0});
        assertThat(Hypervolume.of(vectors, reference)).isEqualTo(1.0);
        assertThat(Hypervolume.of(List.of(), reference)).isZero();
    }

    @Test
    void inputArraysAreNotModified() {
        List<double[]> vectors =
                new ArrayList<>(List.of(new double[] {3, 1, 2, 0}, new double[] {1, 2, 3, 1}));
        List<double[]> copy = vectors.stream().map(double[]::clone).toList();
        Hypervolume.of(vectors, filled(4, 5));
        for (int i = 0; i < vectors.size(); i++) {
            assertThat(Arrays.equals(vectors.get(i), copy.get(i))).isTrue();
        }
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
