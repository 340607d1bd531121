package io.greenband.suggester.core.preset;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.SampleEvents;
import io.greenband.events.payload.Scheduler;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.study.StudyDefaults;
import io.greenband.suggester.core.objective.RankingKind;
import io.greenband.suggester.core.schedule.SchedulerKind;
import io.greenband.suggester.core.study.Optimizer;
import io.greenband.suggester.core.study.StudySpec;
import io.greenband.suggester.core.study.Trial;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudyDefinitionsTest {

    @Test
    void theSampleDefinitionBuildsAWorkingHyperbandStudy() {
        StudyDefined study = SampleEvents.studyDefined();
        assertThat(StudyDefinitions.presetOf(study)).isEqualTo(Preset.HYPERBAND_PAREGO_RF);
        StudySpec spec = StudyDefinitions.builder(study).optRandomCandidates(200).build();
        assertThat(spec.scheduler()).isEqualTo(SchedulerKind.HYPERBAND);
        assertThat(spec.ranking()).isEqualTo(RankingKind.PAREGO);
        assertThat(spec.seed()).isEqualTo(7L);
        assertThat(spec.trialsHint()).isEqualTo(60);
        assertThat(spec.objectives())
                .extracting(o -> o.name())
                .containsExactly("val_error", "emissions");
        Optimizer opt = Optimizer.create(spec);
        Set<Double> budgets = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Trial t = opt.ask();
            assertThat(study.configSpace().configuration(t.config()).problems()).isEmpty();
            assertThat(t.budget()).isEqualTo(Math.rint(t.budget())).isBetween(2.0, 18.0);
            budgets.add(t.budget());
            double lr = ((Number) t.config().get("learning_rate")).doubleValue();
            opt.tell(
                    t.trialId(),
                    new double[] {Math.abs(Math.log10(lr) + 2) + 1 / t.budget(), t.budget()});
        }
        // shift depth 2..18, eta 3: levels 2, 6, 18
        assertThat(budgets).isSubsetOf(2.0, 6.0, 18.0).contains(2.0, 6.0);
    }

    @Test
    void thePapersDsnnStudyRunsUnderEverySchedulerKind() {
        StudyDefined base = StudyDefaults.dsnn("dsnn", 3);
        for (Scheduler.Kind kind : Scheduler.Kind.values()) {
            StudyDefined study =
                    new StudyDefined(
                            base.studyId(),
                            base.name(),
                            base.description(),
                            base.labels(),
                            base.space(),
                            base.objectives(),
                            base.fidelity(),
                            new Scheduler(kind, Scheduler.Ranking.NSGA2, true, 4, null, null, null),
                            base.budget(),
                            base.carbon(),
                            base.seed(),
                            base.workload(),
                            base.definedAt());
            Optimizer opt =
                    Optimizer.create(
                            StudyDefinitions.builder(study).optRandomCandidates(200).build());
            Deque<Trial> inFlight = new ArrayDeque<>();
            Set<Double> budgets = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                if (inFlight.size() == 4) {
                    Trial done = inFlight.poll();
                    double lr = ((Number) done.config().get("learning_rate")).doubleValue();
                    opt.tell(
                            done.trialId(),
                            new double[] {
                                Math.abs(Math.log10(lr) + 2) + 1 / done.budget(),
                                done.budget() * 0.1
                            });
                }
                Trial t = opt.ask();
                assertThat(study.configSpace().configuration(t.config()).problems())
                        .as(kind.name())
                        .isEmpty();
                budgets.add(t.budget());
                inFlight.add(t);
            }
            // shift depth 2..20 with eta 3: levels 20/9, 20/3, 20 rounded to whole layers
            assertThat(budgets).as(kind.name()).isSubsetOf(2.0, 7.0, 20.0);
            if (kind == Scheduler.Kind.RANDOM) {
                assertThat(budgets).containsExactly(20.0);
            }
        }
    }

    @Test
    void theSurrogateLearnsEveryBudgetUnlessTheStudyAsksForSmacsHighestBudgetRule() {
        StudyDefined base = StudyDefaults.dsnn("dsnn", 3);
        assertThat(StudyDefinitions.spec(base).budgetFeature()).isTrue();
        for (Scheduler.Kind kind : Scheduler.Kind.values()) {
            StudyDefined smac =
                    new StudyDefined(
                            base.studyId(),
                            base.name(),
                            base.description(),
                            base.labels(),
                            base.space(),
                            base.objectives(),
                            base.fidelity(),
                            new Scheduler(
                                    kind,
                                    null,
                                    true,
                                    null,
                                    null,
                                    null,
                                    null,
                                    Scheduler.SurrogateBudgets.HIGHEST),
                            base.budget(),
                            base.carbon(),
                            base.seed(),
                            base.workload(),
                            base.definedAt());
            assertThat(StudyDefinitions.spec(smac).budgetFeature()).as(kind.name()).isFalse();
            assertThat(StudyDefinitions.spec(smac).fingerprint())
                    .as(kind.name())
                    .isNotEqualTo(
                            StudyDefinitions.spec(
                                            new StudyDefined(
                                                    base.studyId(),
                                                    base.name(),
                                                    base.description(),
                                                    base.labels(),
                                                    base.space(),
                                                    base.objectives(),
                                                    base.fidelity(),
                                                    new Scheduler(
                                                            kind, null, true, null, null, null,
                                                            null),
                                                    base.budget(),
                                                    base.carbon(),
                                                    base.seed(),
                                                    base.workload(),
                                                    base.definedAt()))
                                    .fingerprint());
        }
    }

    @Test
    void theStudyNamesItsPresetAndInitialDesign() {
        StudyDefined base = StudyDefaults.dsnn("dsnn", 3);
        StudyDefined full =
                new StudyDefined(
                        base.studyId(),
                        base.name(),
                        base.description(),
                        base.labels(),
                        base.space(),
                        base.objectives(),
                        base.fidelity(),
                        new Scheduler(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "full-parego-rf",
                                4),
                        new io.greenband.events.payload.Budget(50, 200.0, null, null),
                        base.carbon(),
                        base.seed(),
                        base.workload(),
                        base.definedAt());
        assertThat(StudyDefinitions.presetOf(full)).isEqualTo(Preset.FULL_PAREGO_RF);
        StudySpec spec = StudyDefinitions.builder(full).optRandomCandidates(200).build();
        assertThat(spec.scheduler()).isEqualTo(SchedulerKind.FULL_BUDGET);
        assertThat(spec.effectiveInitialDesign()).isEqualTo(4);
        // fidelity 2..20: a budget of 200 is 10 full-fidelity trials, fewer than maxTrials
        assertThat(spec.trialsHint()).isEqualTo(10);
        Optimizer opt = Optimizer.create(spec);
        for (int i = 0; i < 8; i++) {
            Trial t = opt.ask();
            assertThat(t.budget()).isEqualTo(20.0);
            assertThat(t.originLabel()).isEqualTo(i < 4 ? "initial" : t.originLabel());
            if (i >= 4) {
                assertThat(t.originLabel()).isNotEqualTo("initial");
            }
            opt.tell(
                    t.trialId(),
                    new double[] {((Number) t.config().get("learning_rate")).doubleValue(), i});
        }
        // Without the new fields the definition keeps the preset chosen by kind and its
        // fingerprint.
        StudyDefined plain =
                new StudyDefined(
                        base.studyId(),
                        base.name(),
                        base.description(),
                        base.labels(),
                        base.space(),
                        base.objectives(),
                        base.fidelity(),
                        new Scheduler(null, null, null, null, null, null, null),
                        base.budget(),
                        base.carbon(),
                        base.seed(),
                        base.workload(),
                        base.definedAt());
        assertThat(StudyDefinitions.presetOf(plain)).isEqualTo(Preset.HYPERBAND_PAREGO_RF);
        assertThat(plain.fingerprint()).isEqualTo(base.fingerprint());
    }
}
