package io.greenband.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StudyFrontsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void derivedReferenceIsWorstObservedPlusTenPercentOfTheRange() {
        List<ParetoPoint> observed =
                List.of(
                        ParetoPoint.of("a", 0.2, 100),
                        ParetoPoint.of("b", 0.6, 300),
                        ParetoPoint.of("c", 0.4, 50));
        HypervolumeFrame frame = HypervolumeFrame.derived(observed);
        assertThat(frame.referenceInObjectiveUnits())
                .containsExactly(new double[] {0.6 + 0.1 * 0.4, 300 + 0.1 * 250}, within(1e-12));
        double expected =
                TestPoints.inclusionExclusion(
                        List.of(
                                frame.normalize(new double[] {0.2, 100}),
                                frame.normalize(new double[] {0.4, 50}),
                                frame.normalize(new double[] {0.6, 300})),
                        new double[] {1.1, 1.1});
        assertThat(frame.hypervolume(observed)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void constantObjectiveUsesUnitScale() {
        HypervolumeFrame frame =
                HypervolumeFrame.derived(
                        List.of(ParetoPoint.of("a", 3, 1), ParetoPoint.of("b", 3, 2)));
        assertThat(frame.scale()).containsExactly(1.0, 1.0);
        assertThat(frame.referenceInObjectiveUnits())
                .containsExactly(new double[] {4.1, 2.1}, within(1e-12));
    }

    @Test
    void historyGrowsOnlyWhenTheFrontOrFrameChanges() {
        TrackedFront front = new TrackedFront(2, new double[] {10, 10});
        front.add(ParetoPoint.of("a", 5, 5), T0);
        TrackedFront.Update dominated =
                front.add(ParetoPoint.of("b", 6, 6), T0.plusSeconds(1)); // fixed frame: no entry
        front.add(ParetoPoint.of("a", 5, 5), T0.plusSeconds(2)); // redelivery: no entry
        TrackedFront.Update c = front.add(ParetoPoint.of("c", 2, 8), T0.plusSeconds(3));
        assertThat(dominated.historyIndex()).isEqualTo(-1);
        assertThat(dominated.historyEntry()).isEmpty();
        assertThat(c.historyIndex()).isEqualTo(1);
        assertThat(c.historyEntry()).isEqualTo(front.history().latest());
        assertThat(front.history().entries())
                .extracting(HypervolumeHistory.Entry::pointId)
                .containsExactly("a", "c");
        assertThat(front.hypervolume()).isCloseTo(25 + 3 * 2, within(1e-12));
        assertThat(front.history().latest().orElseThrow().at()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void derivedHistoryMatchesRecomputationAndReplayIsMonotone() {
        SplittableRandom random = new SplittableRandom(8);
        TrackedFront front = new TrackedFront(3, null);
        List<HypervolumeHistory.Arrival> arrivals = new ArrayList<>();
        for (ParetoPoint p : TestPoints.realPoints(random, 50, 3)) {
            Instant at = T0.plusSeconds(arrivals.size());
            arrivals.add(new HypervolumeHistory.Arrival(p, at));
            TrackedFront.Update update = front.add(p, at);
            HypervolumeFrame expectedFrame = HypervolumeFrame.derived(front.observed());
            assertThat(update.frame()).isEqualTo(expectedFrame);
            assertThat(update.hypervolume())
                    .isCloseTo(expectedFrame.hypervolume(front.members()), within(1e-12));
        }
        HypervolumeHistory replayed = HypervolumeHistory.replay(arrivals, front.frame());
        double previous = 0;
        for (HypervolumeHistory.Entry e : replayed.entries()) {
            assertThat(e.hypervolume()).isGreaterThanOrEqualTo(previous);
            previous = e.hypervolume();
        }
        assertThat(previous).isCloseTo(front.hypervolume(), within(1e-12));
    }

    @Test
    void topFrontIsTheStudyMaximumOrTheHighestObserved() {
        StudyFronts withMax = new StudyFronts(2, OptionalDouble.of(20), null);
        StudyFronts.Update low = withMax.add(5, ParetoPoint.of("a", 1, 1), T0);
        assertThat(low.topFidelity()).isFalse();
        assertThat(withMax.topFront()).isEmpty();
        assertThat(withMax.add(20, ParetoPoint.of("b", 2, 2), T0).topFidelity()).isTrue();
        assertThat(withMax.topFront().orElseThrow().members())
                .extracting(ParetoPoint::id)
                .containsExactly("b");

        StudyFronts observed = new StudyFronts(2, OptionalDouble.empty(), null);
        observed.add(5, ParetoPoint.of("a", 1, 1), T0);
        observed.add(9, ParetoPoint.of("b", 2, 2), T0);
        observed.add(9, ParetoPoint.of("c", 3, 1), T0);
        assertThat(observed.topFidelity().getAsDouble()).isEqualTo(9.0);
        assertThat(observed.topFront().orElseThrow().members())
                .extracting(ParetoPoint::id)
                .containsExactlyInAnyOrder("b", "c");
        assertThat(observed.front(5).orElseThrow().members())
                .extracting(ParetoPoint::id)
                .containsExactly("a");
    }
}
