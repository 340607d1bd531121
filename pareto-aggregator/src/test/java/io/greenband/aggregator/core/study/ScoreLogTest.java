package io.greenband.aggregator.core.study;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.greenband.aggregator.core.objective.Direction;
import io.greenband.aggregator.core.objective.ObjectivePlan;
import io.greenband.aggregator.core.objective.ObjectiveValue;
import io.greenband.aggregator.core.objective.ScoredTrial;
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

/** A trial attempt whose score the log already holds keeps that score, on the front too. */
class ScoreLogTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void aLoggedScoreIsAdoptedInsteadOfTheRecomputedOne() {
        TrialKey logged = new TrialKey("t0", 1);
        ScoredTrial inLog =
                new ScoredTrial(
                        logged,
                        8,
                        ScoredTrial.Status.SCORED,
                        List.of(
                                new ObjectiveValue(
                                        "error",
                                        Direction.MINIMIZE,
                                        OptionalDouble.of(0.30),
                                        false,
                                        ""),
                                new ObjectiveValue(
                                        "co2",
                                        Direction.MINIMIZE,
                                        OptionalDouble.of(1.25),
                                        false,
                                        "")),
                        Optional.empty(),
                        "as logged",
                        T0.plusSeconds(5),
                        0);
        List<TrialResult> results =
                score(key -> key.equals(logged) ? Optional.of(inLog) : Optional.empty());

        assertThat(results).hasSize(2);
        TrialResult adopted = results.get(0);
        assertThat(adopted.logged()).isTrue();
        assertThat(adopted.scored()).isSameAs(inLog);
        TrialResult fresh = results.get(1);
        assertThat(fresh.logged()).isFalse();
        assertThat(fresh.scored().values().get(1).value().getAsDouble()).isNotEqualTo(1.25);
    }

    @Test
    void withoutALogEveryScoreIsFresh() {
        assertThat(score(ScoreLog.none())).hasSize(2).noneMatch(TrialResult::logged);
    }

    private static List<TrialResult> score(ScoreLog log) {
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
                new StudyScoring("s1", plan, carbon, OptionalDouble.of(8), Optional.empty(), log);
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        for (int s = 0; s < 200; s++) {
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
        List<TrialResult> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            TrialKey key = new TrialKey("t" + i, 1);
            Instant start = T0.plusSeconds(i * 100L);
            Instant end = start.plusSeconds(100);
            ledger.putTrial(TrialWindow.finished(key, "h", Set.of("GPU-0"), Set.of(), start, end));
            results.addAll(
                    study.onFinished(
                            new TrialOutcome(
                                    key,
                                    8,
                                    TrialStatus.SUCCEEDED,
                                    Map.of("val_error", 0.2 + i / 10.0),
                                    end,
                                    "")));
        }
        for (TrialEnergy e : ledger.finalizeDue(T0.plusSeconds(1000))) {
            results.addAll(study.onEnergy(e, Optional.empty(), 0, T0.plusSeconds(1000)));
        }
        assertThat(study.fronts().topFront().orElseThrow().members()).isNotEmpty();
        return results;
    }
}
