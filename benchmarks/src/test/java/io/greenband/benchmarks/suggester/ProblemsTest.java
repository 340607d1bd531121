package io.greenband.benchmarks.suggester;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void pointsOnTheTrueFrontHaveAlmostNoRegret() {
        BiasedProblem biased = new BiasedProblem();
        Bowls bowls = new Bowls();
        List<double[]> b = new ArrayList<>();
        List<double[]> w = new ArrayList<>();
        for (int i = 0; i <= 200; i++) {
            double t = i / 200.0;
            b.add(biased.exact(Map.of("x", t, "lr", Math.pow(10, -2.8), "reg", 0.5)));
            w.add(bowls.exact(Map.of("x", 0.2 + 0.6 * t, "y", 0.2 + 0.6 * t)));
        }
        assertThat(QualityRun.regret(biased, b)).isBetween(0.0, 0.01);
        assertThat(QualityRun.regret(bowls, w)).isBetween(0.0, 0.01);
    }

    @Test
    void theBiasedProblemsCheapFidelityRanksLearningRatesTheWrongWay() {
        BiasedProblem p = new BiasedProblem();
        Map<String, Object> good = Map.of("x", 0.5, "lr", Math.pow(10, -2.8), "reg", 0.5);
        Map<String, Object> bad = Map.of("x", 0.5, "lr", Math.pow(10, -0.4), "reg", 0.5);
        assertThat(p.evaluate(good, 0)[1]).isLessThan(p.evaluate(bad, 0)[1]);
        assertThat(p.evaluate(good, 1)[1]).isGreaterThan(p.evaluate(bad, 1)[1]);
    }

    @Test
    void noiseIsReproduciblePerSeedAndRegretIgnoresIt() {
        Noisy p = new Noisy(new Bowls(), 0.05);
        Map<String, Object> c = Map.of("x", 0.3, "y", 0.4);
        p.reset(7);
        double[] a = p.evaluate(c, 0);
        p.reset(7);
        assertThat(p.evaluate(c, 0)).containsExactly(a);
        assertThat(a).isNotEqualTo(p.exact(c));
        assertThat(p.exact(c)).containsExactly(new Bowls().evaluate(c, 0));
        assertThat(p.peerSpace()).extracting(m -> m.get("name")).containsExactly("x", "y");
    }

    @Test
    void theMixedProblemTellsThePeerItsConditions() {
        List<Map<String, Object>> space = new MixedProblem().peerSpace();
        Map<String, Object> a =
                space.stream().filter(m -> m.get("name").equals("a")).findFirst().orElseThrow();
        assertThat(a.get("parent")).isEqualTo("shape");
        assertThat(a.get("parent_values")).isEqualTo(List.of("convex"));
        Map<String, Object> width =
                space.stream().filter(m -> m.get("name").equals("width")).findFirst().orElseThrow();
        assertThat(width.get("type")).isEqualTo("categorical");
    }
}
