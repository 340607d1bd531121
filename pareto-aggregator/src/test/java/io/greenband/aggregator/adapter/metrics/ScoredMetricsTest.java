package io.greenband.aggregator.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.SampleEvents;
import io.greenband.events.payload.TrialScored;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Energy and emissions series of scored trials: totals, re-scores, and the bounds on label
 * cardinality.
 */
class ScoredMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aScoredTrialCountsPerComponentAndPerStudy() {
        ScoredMetrics metrics = new ScoredMetrics(registry, 5, 10);
        metrics.scored("s", List.of(trial("s", "t1", 1, 100, 40, 2.0)));

        assertThat(count("greenband.trial.energy", "trial", "t1", "component", "gpu"))
                .isEqualTo(60.0);
        assertThat(count("greenband.trial.energy", "trial", "t1", "component", "cpu"))
                .isEqualTo(40.0);
        assertThat(count("greenband.trial.emissions", "trial", "t1")).isEqualTo(2.0);
        assertThat(count("greenband.study.energy", "study", "s")).isEqualTo(100.0);
        assertThat(count("greenband.study.emissions", "study", "s")).isEqualTo(2.0);
        assertThat(count("greenband.study.trials.scored", "study", "s")).isEqualTo(1.0);
    }

    @Test
    void aReScoreReplacesTheFiguresWithoutCountingTwiceOrGoingDown() {
        ScoredMetrics metrics = new ScoredMetrics(registry, 5, 10);
        metrics.scored("s", List.of(trial("s", "t1", 1, 100, 40, 2.0)));
        metrics.scored("s", List.of(trial("s", "t1", 1, 150, 40, 3.0)));
        metrics.scored("s", List.of(trial("s", "t1", 1, 120, 40, 1.0)));

        assertThat(count("greenband.study.energy", "study", "s")).isEqualTo(150.0);
        assertThat(count("greenband.study.emissions", "study", "s")).isEqualTo(3.0);
        assertThat(count("greenband.study.trials.scored", "study", "s")).isEqualTo(1.0);
        assertThat(count("greenband.trial.energy", "trial", "t1", "component", "gpu"))
                .isEqualTo(110.0);
    }

    @Test
    void aSecondAttemptHasItsOwnSeries() {
        ScoredMetrics metrics = new ScoredMetrics(registry, 5, 10);
        metrics.scored(
                "s", List.of(trial("s", "t1", 1, 100, 40, 2.0), trial("s", "t1", 2, 50, 10, 1.0)));

        assertThat(count("greenband.trial.emissions", "trial", "t1#2")).isEqualTo(1.0);
        assertThat(count("greenband.study.energy", "study", "s")).isEqualTo(150.0);
    }

    @Test
    void theLeastRecentlyScoredTrialsAndStudiesLoseTheirSeries() {
        ScoredMetrics metrics = new ScoredMetrics(registry, 2, 3);
        for (int i = 0; i < 5; i++) {
            metrics.scored("s", List.of(trial("s", "t" + i, 1, 10, 5, 1.0)));
        }
        assertThat(registry.find("greenband.trial.emissions").functionCounters()).hasSize(3);
        assertThat(registry.find("greenband.trial.emissions").tag("trial", "t0").functionCounter())
                .isNull();
        assertThat(count("greenband.study.trials.scored", "study", "s")).isEqualTo(5.0);

        metrics.scored("a", List.of(trial("a", "a1", 1, 10, 5, 1.0)));
        metrics.scored("b", List.of(trial("b", "b1", 1, 10, 5, 1.0)));
        assertThat(registry.find("greenband.study.energy").functionCounters()).hasSize(2);
        assertThat(registry.find("greenband.study.energy").tag("study", "s").functionCounter())
                .isNull();
        // The evicted study's trials went with it.
        assertThat(registry.find("greenband.trial.emissions").tag("study", "s").functionCounters())
                .isEmpty();
    }

    @Test
    void boundsMustBePositive() {
        assertThatThrownBy(() -> new ScoredMetrics(registry, 0, 10))
                .hasMessageContaining("studies 0");
    }

    private double count(String name, String... tags) {
        FunctionCounter c = registry.find(name).tags(tags).functionCounter();
        assertThat(c).as(name + " " + String.join(",", tags)).isNotNull();
        return c.count();
    }

    private static TrialScored trial(
            String study, String trialId, int attempt, double joules, double cpu, double grams) {
        TrialScored t = SampleEvents.trialScored();
        return new TrialScored(
                study,
                trialId,
                attempt,
                t.configId(),
                t.fidelity(),
                t.status(),
                t.objectives(),
                new TrialScored.EnergyBreakdown(
                        joules, 0, 0, joules, false, Map.of("GPU", joules - cpu, "CPU", cpu)),
                new TrialScored.Emissions(grams, joules / 3.6e6, 300.0, 1.2, "fixed"),
                true,
                0,
                0,
                null,
                t.scoredAt());
    }
}
