package io.greenband.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParetoFrontTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void batchFilterMatchesBruteForceWithTiesAndDuplicates(int dimension) {
        SplittableRandom random = new SplittableRandom(11 + dimension);
        for (int round = 0; round < 30; round++) {
            List<ParetoPoint> points =
                    TestPoints.integerPoints(random, 1 + random.nextInt(60), dimension, 5);
            Set<String> expected = new HashSet<>(TestPoints.bruteForceFrontIds(points));
            Set<String> actual = new HashSet<>();
            NonDominatedSet.of(points).forEach(p -> actual.add(p.id()));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void incrementalFrontMatchesBruteForceAfterEveryAddition(int dimension) {
        SplittableRandom random = new SplittableRandom(97 + dimension);
        for (int round = 0; round < 10; round++) {
            List<ParetoPoint> points =
                    round % 2 == 0
                            ? TestPoints.integerPoints(random, 80, dimension, 6)
                            : TestPoints.realPoints(random, 80, dimension);
            ParetoFront front = new ParetoFront(dimension);
            List<ParetoPoint> seen = new ArrayList<>();
            Set<String> before = new HashSet<>();
            for (ParetoPoint p : points) {
                FrontChange change = front.add(p);
                seen.add(p);
                Set<String> expected = new HashSet<>(TestPoints.bruteForceFrontIds(seen));
                Set<String> actual = ids(front.members());
                assertThat(actual).isEqualTo(expected);
                assertThat(change.entered()).isEqualTo(expected.contains(p.id()));
                Set<String> left = new HashSet<>(before);
                left.removeAll(actual);
                assertThat(ids(change.left())).isEqualTo(left);
                before = actual;
            }
        }
    }

    @Test
    void redeliveryChangesNothingAndDuplicateVectorsAreBothMembers() {
        ParetoFront front = new ParetoFront(2);
        front.add(ParetoPoint.of("a", 1, 5));
        FrontChange twin = front.add(ParetoPoint.of("b", 1, 5));
        FrontChange again = front.add(ParetoPoint.of("a", 1, 5));
        assertThat(twin.entered()).isTrue();
        assertThat(again.kind()).isEqualTo(FrontChange.Kind.UNCHANGED);
        assertThat(again.frontChanged()).isFalse();
        assertThat(ids(front.members())).containsExactlyInAnyOrder("a", "b");
        assertThat(front.observedCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void replacingAMemberBringsBackWhatItDominated(int dimension) {
        SplittableRandom random = new SplittableRandom(5 + dimension);
        for (int round = 0; round < 20; round++) {
            Map<String, ParetoPoint> latest = new LinkedHashMap<>();
            ParetoFront front = new ParetoFront(dimension);
            for (ParetoPoint p : TestPoints.integerPoints(random, 30, dimension, 5)) {
                // Reuse a few ids so that some offers replace earlier vectors.
                ParetoPoint reused = new ParetoPoint("t" + random.nextInt(12), p.values());
                latest.put(reused.id(), reused);
                FrontChange change = front.add(reused);
                assertThat(ids(front.members()))
                        .isEqualTo(
                                new HashSet<>(
                                        TestPoints.bruteForceFrontIds(
                                                new ArrayList<>(latest.values()))));
                assertThat(change.entered()).isEqualTo(front.isMember(reused.id()));
            }
        }
    }

    @Test
    void twoObjectiveFrontHandlesTenThousandPoints() {
        SplittableRandom random = new SplittableRandom(3);
        ParetoFront front = new ParetoFront(2);
        List<ParetoPoint> points = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            // Points near the line x + y = 1 keep a large front.
            double x = random.nextDouble();
            ParetoPoint p = ParetoPoint.of("p" + i, x, 1 - x + 0.05 * random.nextDouble());
            points.add(p);
            front.add(p);
        }
        assertThat(ids(front.members())).isEqualTo(ids(NonDominatedSet.of(points)));
        assertThat(front.size()).isGreaterThan(10);
    }

    private static Set<String> ids(List<ParetoPoint> points) {
        Set<String> ids = new HashSet<>();
        points.forEach(p -> ids.add(p.id()));
        return ids;
    }
}
