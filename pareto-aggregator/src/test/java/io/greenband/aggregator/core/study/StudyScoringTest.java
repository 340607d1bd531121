package io.greenband.aggregator.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenband.aggregator.core.attribution.AttributionSettings;
import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.EnergyLedger;
import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.attribution.TrialWindow;
import io.greenband.aggregator.core.emissions.CarbonSettings;
import io.greenband.aggregator.core.emissions.IntensityResolver;
import io.greenband.aggregator.core.emissions.IntensityTable;
import io.greenband.aggregator.core.emissions.StudyCarbon;
import io.greenband.aggregator.core.objective.ObjectivePlan;
import io.greenband.aggregator.core.objective.TrialOutcome;
import io.greenband.aggregator.core.objective.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudyScoringTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void ledgerEnergyFlowsIntoEmissionsObjectivesAndTheTopFront() {
        ObjectivePlan plan =
                ObjectivePlan.builder()
                        .addObjective("error", "minimize", "metric:val_error")
                        .addObjective("co2", "minimize", "energy:emissions_g")
                        .build();
        StudyCarbon carbon =
                new StudyCarbon(
                        CarbonSettings.fixed(400, 1.5),
                        new IntensityResolver(IntensityTable.bundled()));
        StudyScoring study =
                new StudyScoring("s1", plan, carbon, OptionalDouble.of(8), Optional.empty());
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        for (int s = 0; s < 400; s++) {
            ledger.addSample(
                    EnergySample.of(
                            "g/" + s,
                            "h",
                            "GPU-0",
                            Component.GPU,
                            T0.plusSeconds(s),
                            T0.plusSeconds(s + 1),
                            250));
        }
        double[][] trials = {
            {0, 100, 0.30, 8}, {100, 300, 0.20, 8}, {300, 340, 0.25, 8}, {340, 400, 0.10, 2}
        };
        List<TrialResult> results = new ArrayList<>();
        for (int i = 0; i < trials.length; i++) {
            TrialKey key = new TrialKey("t" + i, 0);
            Instant start = T0.plusSeconds((long) trials[i][0]);
            Instant end = T0.plusSeconds((long) trials[i][1]);
            ledger.putTrial(TrialWindow.finished(key, "h", Set.of("GPU-0"), Set.of(), start, end));
            results.addAll(
                    study.onFinished(
                            new TrialOutcome(
                                    key,
                                    trials[i][3],
                                    TrialStatus.SUCCEEDED,
                                    Map.of("val_error", trials[i][2]),
                                    end,
                                    "")));
        }
        assertThat(results).isEmpty(); // energy still awaited
        for (TrialEnergy e : ledger.finalizeDue(T0.plusSeconds(1000))) {
            results.addAll(study.onEnergy(e, Optional.empty(), 0, T0.plusSeconds(1000)));
        }
        assertThat(results).hasSize(4);
        TrialResult first = results.get(0);
        double expectedGrams = 250 * 100 / 3.6e6 * 1.5 * 400;
        assertThat(first.scored().values().get(1).value().getAsDouble())
                .isCloseTo(expectedGrams, within(1e-9));
        assertThat(first.scored().energy().orElseThrow().byComponent()).containsOnlyKeys("gpu");
        assertThat(first.scored().energy().orElseThrow().byComponent().get("gpu"))
                .isCloseTo(250 * 100, within(1e-6));
        assertThat(first.scored().energy().orElseThrow().estimated()).isFalse();
        // At fidelity 8: t0 (0.30, 100 s), t1 (0.20, 200 s), t2 (0.25, 40 s): t0 is dominated by
        // t2.
        assertThat(study.fronts().topFront().orElseThrow().members())
                .extracting(p -> p.id())
                .containsExactlyInAnyOrder("t1#0", "t2#0");
        assertThat(results.get(3).onTopFront()).isFalse();
        assertThat(results.get(3).onFidelityFront()).isTrue();
        assertThat(study.fronts().fronts().keySet()).containsExactly(2.0, 8.0);
    }

    @Test
    void lateProducerValueReplacesTheSubstitutedPointOnTheFront() {
        ObjectivePlan plan =
                ObjectivePlan.builder()
                        .addObjective("error", "minimize", "metric:val_error")
                        .addObjective(
                                io.greenband.aggregator.core.objective.ObjectiveSpec.of(
                                                "lat", "minimize", "producer:bench")
                                        .with(
                                                java.time.Duration.ofSeconds(10),
                                                io.greenband.aggregator.core.objective.MissingPolicy
                                                        .USE_WORST))
                        .build();
        StudyCarbon carbon =
                new StudyCarbon(
                        CarbonSettings.defaults(), new IntensityResolver(IntensityTable.bundled()));
        StudyScoring study =
                new StudyScoring("s3", plan, carbon, OptionalDouble.empty(), Optional.empty());
        TrialKey a = new TrialKey("a", 0);
        TrialKey b = new TrialKey("b", 0);
        study.onFinished(
                new TrialOutcome(a, 1, TrialStatus.SUCCEEDED, Map.of("val_error", 0.5), T0, ""));
        study.onProduced(
                new io.greenband.aggregator.core.objective.ProducedValue(a, "bench", "", 9.0, T0));
        study.onFinished(
                new TrialOutcome(b, 1, TrialStatus.SUCCEEDED, Map.of("val_error", 0.6), T0, ""));
        List<TrialResult> timedOut = study.poll(T0.plusSeconds(10));
        assertThat(timedOut).hasSize(1);
        assertThat(timedOut.get(0).onTopFront())
                .isFalse(); // (0.6, worst 9.0) is dominated by a (0.5, 9.0)
        List<TrialResult> late =
                study.onProduced(
                        new io.greenband.aggregator.core.objective.ProducedValue(
                                b, "bench", "", 1.0, T0.plusSeconds(30)));
        assertThat(late.get(0).scored().revision()).isEqualTo(1);
        assertThat(late.get(0).frontUpdate().orElseThrow().update().change().kind())
                .isEqualTo(io.greenband.pareto.FrontChange.Kind.REPLACED);
        assertThat(late.get(0).onTopFront()).isTrue();
        assertThat(study.fronts().topFront().orElseThrow().members())
                .extracting(p -> p.id())
                .containsExactlyInAnyOrder("a#0", "b#0");
    }

    @Test
    void maximizedObjectivesFlipTheReferencePoint() {
        ObjectivePlan plan =
                ObjectivePlan.builder()
                        .addObjective("acc", "maximize", "metric:val_accuracy")
                        .addObjective("t", "minimize", "metric:train_seconds")
                        .build();
        StudyCarbon carbon =
                new StudyCarbon(
                        CarbonSettings.defaults(), new IntensityResolver(IntensityTable.bundled()));
        StudyScoring study =
                new StudyScoring(
                        "s2",
                        plan,
                        carbon,
                        OptionalDouble.empty(),
                        Optional.of(new double[] {0, 100}));
        study.onFinished(
                new TrialOutcome(
                        new TrialKey("a", 0),
                        1,
                        TrialStatus.SUCCEEDED,
                        Map.of("val_accuracy", 0.9, "train_seconds", 60.0),
                        T0,
                        ""));
        // Minimized: (-0.9, 60) against reference (0, 100): 0.9 x 40.
        assertThat(study.fronts().topFront().orElseThrow().hypervolume())
                .isCloseTo(0.9 * 40, within(1e-12));
    }
}
