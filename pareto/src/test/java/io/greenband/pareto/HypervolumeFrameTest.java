package io.greenband.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames in objective units and directions, and frames derived from plain vectors. */
class HypervolumeFrameTest {

    @Test
    void aMaximizedReferenceIsFlippedLikeItsValues() {
        // accuracy (maximize) and grams (minimize); reference accuracy 0.5, grams 10.
        Directions directions = Directions.of(true, false);
        HypervolumeFrame frame = HypervolumeFrame.fixed(new double[] {0.5, 10}, directions);
        assertThat(frame.rule()).isEqualTo(HypervolumeFrame.Rule.FIXED);
        assertThat(frame.referenceInObjectiveUnits()).containsExactly(-0.5, 10.0);
        // One trial at accuracy 0.9 and 4 g: a box of (0.9 - 0.5) x (10 - 4) = 2.4.
        double[] point = directions.minimized(new double[] {0.9, 4});
        assertThat(frame.hypervolumeOfVectors(List.of(point))).isCloseTo(2.4, within(1e-12));
        // Beyond the reference in one objective: nothing.
        double[] worse = directions.minimized(new double[] {0.4, 4});
        assertThat(frame.hypervolumeOfVectors(List.of(worse))).isZero();
    }

    @Test
    void aFrameDerivedFromVectorsEqualsTheOneDerivedFromPoints() {
        List<double[]> vectors =
                List.of(new double[] {1, 5}, new double[] {3, 2}, new double[] {2, 2});
        HypervolumeFrame fromVectors = HypervolumeFrame.derivedFromVectors(vectors);
        HypervolumeFrame fromPoints =
                HypervolumeFrame.derived(
                        List.of(
                                ParetoPoint.of("a", 1, 5),
                                ParetoPoint.of("b", 3, 2),
                                ParetoPoint.of("c", 2, 2)));
        assertThat(fromVectors).isEqualTo(fromPoints);
        // Normalized: (0, 1), (1, 0), (0.5, 0) against 1.1: members (0, 1) and (0.5, 0).
        double expected = (1.1 - 0) * (1.1 - 1) + (1.1 - 0.5) * (1 - 0);
        assertThat(fromVectors.hypervolumeOfVectors(vectors)).isCloseTo(expected, within(1e-12));
        assertThat(fromVectors.referenceInObjectiveUnits())
                .containsExactly(new double[] {3.2, 5.3}, within(1e-12));
    }

    @Test
    void aZeroRangeUsesScaleOne() {
        HypervolumeFrame frame = HypervolumeFrame.derivedFromVectors(List.of(new double[] {2, 7}));
        assertThat(frame.scale()).containsExactly(1.0, 1.0);
        assertThat(frame.hypervolumeOfVectors(List.of(new double[] {2, 7})))
                .isCloseTo(1.1 * 1.1, within(1e-12));
    }

    @Test
    void directionsRefuseAVectorOfAnotherLength() {
        assertThatThrownBy(() -> Directions.of(true, false).minimized(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 values for 2 objectives");
        assertThatThrownBy(() -> HypervolumeFrame.derivedFromVectors(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
