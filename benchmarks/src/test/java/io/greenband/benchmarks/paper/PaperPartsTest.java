package io.greenband.benchmarks.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.StudyDefined;
import io.greenband.suggester.core.preset.Preset;
import io.greenband.suggester.core.preset.StudyDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The paper benchmark's studies, front selection, spread and energy charge, without training. */
class PaperPartsTest {

    private static FixedTraining.Run run(String id, double fidelity, double error, double joules) {
        return new FixedTraining.Run(
                id, Map.of(), fidelity, 1, true, null, Map.of("val_error", error), 1, 1, joules);
    }

    @Test
    void mfAndMfmoAreHyperbandStudiesOverShiftDepthWithTheSameBudget() {
        PaperSetup quick = PaperSetup.quick();
        StudyDefined mf = quick.mf();
        StudyDefined mfmo = quick.mfmo();
        for (StudyDefined study : List.of(mf, mfmo)) {
            assertThat(study.fidelity().knob()).isEqualTo(Fidelity.Knob.SHIFT_DEPTH);
            assertThat(study.fidelity().max()).isEqualTo(18);
            assertThat(study.budget().maxTrials()).isEqualTo(quick.trials());
            assertThat(StudyDefinitions.presetOf(study)).isEqualTo(Preset.HYPERBAND_PAREGO_RF);
            assertThat(study.workload().dataset()).isEqualTo("fashion-mnist");
            assertThat(study.workload().options())
                    .containsEntry("trainImages", "500")
                    .containsEntry("validation", "100");
        }
        assertThat(mf.objectives()).extracting(o -> o.name()).containsExactly("val_error");
        assertThat(mfmo.objectives())
                .extracting(o -> o.name())
                .containsExactly("val_error", "emissions_g");
        assertThat(mf.space().get("hyperparameters"))
                .isEqualTo(mfmo.space().get("hyperparameters"));
        assertThat(quick.defaultConfig())
                .containsEntry("epochs", 3)
                .containsEntry("batch_size", 128)
                .containsEntry("optimizer", "sgd")
                .containsEntry("shift_type", "Q");
        assertThat(PaperSetup.full().mf().workload().options())
                .doesNotContainKey("trainImages")
                .containsEntry("validation", "10%");
        assertThat(PaperSetup.tiny().with(3, 1).trials()).isEqualTo(3);
        assertThatThrownBy(() -> quick.with(0, 1)).hasMessageContaining("at least 1");
    }

    @Test
    void theFrontIsTheNonDominatedTopFidelityTrialsAndTheBestTheLowestError() {
        List<FixedTraining.Run> runs =
                new ArrayList<>(
                        List.of(
                                run("a", 18, 0.2, 90),
                                run("b", 18, 0.3, 50),
                                run("c", 18, 0.35, 60),
                                run("d", 18, 0.5, 20),
                                run("e", 6, 0.1, 10)));
        runs.add(new FixedTraining.Run("f", Map.of(), 18, 1, false, "DIVERGED", Map.of(), 1, 1, 1));
        SearchLoop.Outcome outcome = new SearchLoop.Outcome("s", runs, 18);
        assertThat(Evaluation.best(outcome).trialId()).isEqualTo("a");
        assertThat(Evaluation.front(outcome, 5))
                .extracting(FixedTraining.Run::trialId)
                .containsExactly("a", "b", "d");
        assertThat(Evaluation.front(outcome, 2))
                .extracting(FixedTraining.Run::trialId)
                .containsExactly("a", "d");
        assertThat(outcome.joules()).isEqualTo(231);
        assertThat(Evaluation.best(new SearchLoop.Outcome("s", List.of(run("e", 6, 0.1, 1)), 18)))
                .isNull();
    }

    @Test
    void spreadAndEnergy() {
        Spread s = Spread.of(List.of(0.6, 0.8, Double.NaN));
        assertThat(s.mean()).isCloseTo(0.7, Offset.offset(1e-12));
        assertThat(s.sd()).isCloseTo(Math.sqrt(0.02), Offset.offset(1e-12));
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.text(100, 1)).isEqualTo("70.0 ± 14.1");
        assertThat(SearchLoop.emissions(3.6e6, 475)).isEqualTo(475.0);
        assertThat(ThisProcess.cpuSeconds()).isPositive();
        assertThat(ThisProcess.residentBytes()).isPositive();
    }
}
