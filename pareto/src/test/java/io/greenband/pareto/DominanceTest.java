package io.greenband.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DominanceTest {

    @Test
    void relationsCoverAllCases() {
        assertThat(Dominance.compare(new double[] {1, 2}, new double[] {1, 3}))
                .isEqualTo(Dominance.Relation.DOMINATES);
        assertThat(Dominance.compare(new double[] {2, 3}, new double[] {1, 3}))
                .isEqualTo(Dominance.Relation.DOMINATED);
        assertThat(Dominance.compare(new double[] {1, 3}, new double[] {1, 3}))
                .isEqualTo(Dominance.Relation.EQUAL);
        assertThat(Dominance.compare(new double[] {0, 4}, new double[] {1, 3}))
                .isEqualTo(Dominance.Relation.INCOMPARABLE);
        assertThat(Dominance.weaklyDominates(new double[] {1, 3}, new double[] {1, 3})).isTrue();
        assertThat(Dominance.dominates(new double[] {1, 3}, new double[] {1, 3})).isFalse();
    }

    @Test
    void differentLengthsAreRejectedWithTheCounts() {
        assertThatThrownBy(() -> Dominance.compare(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 vs 2");
    }

    @Test
    void pointsRejectNonFiniteValuesNamingTheIndex() {
        assertThatThrownBy(() -> ParetoPoint.of("t1", 1.0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values[1] of point t1");
    }
}
