package io.greenband.cli.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoTest {

    static Point p(String id, double... v) {
        return new Point(id, 1, java.util.Arrays.stream(v).boxed().toList(), 0, "");
    }

    @Test
    void frontKeepsNonDominatedPointsOnly() {
        List<Point> pts =
                List.of(p("a", 1, 3), p("b", 2, 2), p("c", 3, 1), p("d", 3, 3), p("e", 2, 2.5));
        assertThat(Pareto.front(pts, new boolean[] {false, false}))
                .extracting(Point::trialId)
                .containsExactly("a", "b", "c");
    }

    @Test
    void maximizedObjectivesAreFlipped() {
        List<Point> pts = List.of(p("a", 1, 3), p("b", 2, 2), p("d", 3, 3));
        // maximize the second objective: d (3,3) is beaten by a (1,3) only
        assertThat(Pareto.front(pts, new boolean[] {false, true}))
                .extracting(Point::trialId)
                .containsExactly("a");
    }

    @Test
    void twoDimensionalHypervolumeMatchesHandComputation() {
        List<Point> pts = List.of(p("a", 1, 3), p("b", 2, 2), p("c", 3, 1));
        // normalized (0,1), (0.5,0.5), (1,0), reference 1.1: 0.1*0.5 + 0.6*0.5 + 1.1*0.1
        assertThat(Pareto.hypervolume(pts, pts, new boolean[] {false, false}))
                .isCloseTo(0.46, within(1e-12));
    }

    @Test
    void aFixedReferenceMeasuresInObjectiveUnitsAndIgnoresPointsBeyondIt() {
        List<Point> pts = List.of(p("a", 1, 3), p("b", 2, 2), p("c", 3, 1), p("out", 0.5, 9));
        // reference (4, 4): boxes [1,4]x[3,4], [2,4]x[2,3], [3,4]x[1,2] = 3 + 2 + 1; "out" lies
        // beyond it
        assertThat(Pareto.hypervolume(pts, new double[] {4, 4}, new boolean[] {false, false}))
                .isCloseTo(6, within(1e-12));
        // a maximized second objective: reference 0 on it, points flipped (b: 2 above 0 over [2,4]
        // = 4 ...)
        List<Point> up = List.of(p("a", 1, 1), p("b", 2, 3));
        assertThat(Pareto.hypervolume(up, new double[] {4, 0}, new boolean[] {false, true}))
                .isCloseTo(3 * 1 + 2 * 2, within(1e-12));
    }

    @Test
    void threeObjectivesAreMeasuredExactly() {
        List<Point> two = List.of(p("a", 0, 0.5, 0.5), p("b", 0.5, 0, 0.5));
        // reference (1.1, 1.1, 1.1): two boxes 1.1*0.6*0.6 each, overlapping in 0.6*0.6*0.6
        assertThat(Pareto.hypervolume(two, new double[] {1.1, 1.1, 1.1}, new boolean[3]))
                .isCloseTo(2 * 1.1 * 0.6 * 0.6 - 0.6 * 0.6 * 0.6, within(1e-12));
    }

    @Test
    void tableAndCsvListTheFrontSortedByFirstObjective() {
        List<Point> front = List.of(p("t-2", 2, 0.5), p("t-1", 1, 0.75));
        String table = FrontTable.table(List.of("val_error", "emissions_g"), front);
        assertThat(table.indexOf("t-1")).isLessThan(table.indexOf("t-2"));
        assertThat(table).contains("val_error").contains("0.75");
        assertThat(FrontTable.csv(List.of("val_error", "emissions_g"), front))
                .isEqualTo(
                        "trialId,fidelity,val_error,emissions_g,joules,energy\nt-1,1,1,0.75,0,\nt-2,1,2,0.5,0,\n");
    }
}
