package io.greenband.suggester.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class BracketPlanTest {

    private static int[] counts(BracketPlan plan, int bracket) {
        int[] out = new int[plan.stages(bracket)];
        for (int j = 0; j < out.length; j++) {
            out[j] = plan.configs(bracket, j);
        }
        return out;
    }

    private static double[] budgets(BracketPlan plan, int bracket) {
        double[] out = new double[plan.stages(bracket)];
        for (int j = 0; j < out.length; j++) {
            out[j] = plan.budget(bracket, j);
        }
        return out;
    }

    @Test
    void r243Eta3IsFiveHalvingsDespiteTheFloatingPointTrap() {
        // ln(243)/ln(3) = 4.999999999999999 in doubles; s_max must still be 5.
        BracketPlan plan = BracketPlan.of(1, 243, 3);
        assertThat(plan.sMax()).isEqualTo(5);
        // n0 = ceil(3^k * 6 / (k+1)): k=5 -> 243, k=4 -> ceil(97.2)=98, k=3 -> ceil(40.5)=41, k=2
        // -> 18, k=1 -> 9, k=0 -> 6
        assertThat(counts(plan, 0)).containsExactly(243, 81, 27, 9, 3, 1);
        assertThat(counts(plan, 1)).containsExactly(98, 32, 10, 3, 1);
        assertThat(counts(plan, 2)).containsExactly(41, 13, 4, 1);
        assertThat(counts(plan, 3)).containsExactly(18, 6, 2);
        assertThat(counts(plan, 4)).containsExactly(9, 3);
        assertThat(counts(plan, 5)).containsExactly(6);
        assertThat(budgets(plan, 0)).containsExactly(1, 3, 9, 27, 81, 243);
        assertThat(budgets(plan, 5)).containsExactly(243);
    }

    @Test
    void r20Min1Eta3() {
        BracketPlan plan = BracketPlan.of(1, 20, 3);
        assertThat(plan.sMax()).isEqualTo(2); // log3(20) = 2.73
        assertThat(counts(plan, 0)).containsExactly(9, 3, 1);
        assertThat(counts(plan, 1)).containsExactly(5, 1); // ceil(3*3/2) = 5
        assertThat(counts(plan, 2)).containsExactly(3);
        assertThat(plan.levelBudget(0))
                .isCloseTo(20.0 / 9, offset(1e-12)); // smallest real budget > min
        assertThat(budgets(plan, 1)[0]).isCloseTo(20.0 / 3, offset(1e-12));
        assertThat(budgets(plan, 2)[0]).isEqualTo(20);
    }

    @Test
    void r81Eta3() {
        BracketPlan plan = BracketPlan.of(1, 81, 3);
        assertThat(plan.sMax()).isEqualTo(4);
        assertThat(counts(plan, 0)).containsExactly(81, 27, 9, 3, 1);
        assertThat(counts(plan, 1)).containsExactly(34, 11, 3, 1);
        assertThat(counts(plan, 2)).containsExactly(15, 5, 1);
        assertThat(counts(plan, 3)).containsExactly(8, 2);
        assertThat(counts(plan, 4)).containsExactly(5);
        assertThat(budgets(plan, 2)).containsExactly(9, 27, 81);
    }

    @Test
    void fractionalBudgetsAndEta2() {
        BracketPlan tenth = BracketPlan.of(0.1, 1.0, 3);
        assertThat(tenth.sMax()).isEqualTo(2);
        assertThat(counts(tenth, 0)).containsExactly(9, 3, 1);
        assertThat(counts(tenth, 1)).containsExactly(5, 1);
        BracketPlan two = BracketPlan.of(10, 1000, 2);
        assertThat(two.sMax()).isEqualTo(6);
        assertThat(counts(two, 0)).containsExactly(64, 32, 16, 8, 4, 2, 1);
        assertThat(counts(two, 1)).containsExactly(38, 19, 9, 4, 2, 1);
        assertThat(counts(two, 6)).containsExactly(7);
        assertThat(two.levelBudget(0)).isCloseTo(15.625, offset(1e-12));
    }

    @Test
    void singleFidelityHasOneLevel() {
        BracketPlan plan = BracketPlan.of(1, 1, 3);
        assertThat(plan.levels()).isEqualTo(1);
        assertThat(plan.configs(0, 0)).isEqualTo(1);
        assertThat(plan.levelUnit(0)).isEqualTo(1.0);
    }

    @Test
    void badRangesNameTheField() {
        assertThatThrownBy(() -> BracketPlan.of(0, 10, 3)).hasMessageContaining("min");
        assertThatThrownBy(() -> BracketPlan.of(1, 10, 1)).hasMessageContaining("eta");
    }
}
