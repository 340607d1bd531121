package io.greenband.suggester.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.suggester.core.TestSpaces;
import io.greenband.suggester.core.history.Origin;
import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.history.TrialStatus;
import io.greenband.suggester.core.preset.Preset;
import io.greenband.suggester.core.surrogate.SurrogateKind;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    @Test
    void sameSeedGivesTheSameSequence() {
        for (Preset preset : Preset.values()) {
            StudySpec spec = ToyProblem.spec(preset, 11).build();
            List<String> a =
                    ToyProblem.drive(Optimizer.create(spec), ToyProblem.queue(), 3, 50).stream()
                            .map(ToyProblem::fingerprint)
                            .toList();
            List<String> b =
                    ToyProblem.drive(Optimizer.create(spec), ToyProblem.queue(), 3, 50).stream()
                            .map(ToyProblem::fingerprint)
                            .toList();
            assertThat(a).isEqualTo(b);
            List<String> other =
                    ToyProblem.drive(
                                    Optimizer.create(ToyProblem.spec(preset, 12).build()),
                                    ToyProblem.queue(),
                                    3,
                                    50)
                            .stream()
                            .map(ToyProblem::fingerprint)
                            .toList();
            assertThat(other).isNotEqualTo(a);
        }
    }

    @Test
    void snapshotAndRestoreGiveTheSameNextSuggestions() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Preset preset : Preset.values()) {
            StudySpec spec = ToyProblem.spec(preset, 5).build();
            Optimizer original = Optimizer.create(spec);
            Deque<Trial> inFlight = ToyProblem.queue();
            ToyProblem.drive(original, inFlight, 4, 45);
            OptimizerSnapshot snapshot = original.snapshot();
            String text = json.writeValueAsString(snapshot);
            assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
            OptimizerSnapshot parsed = json.readValue(text, OptimizerSnapshot.class);
            assertThat(parsed).isEqualTo(snapshot);

            Optimizer restored = Optimizer.restore(spec, parsed);
            Deque<Trial> restoredInFlight = new ArrayDeque<>(inFlight);
            List<String> expected =
                    ToyProblem.drive(original, inFlight, 4, 20).stream()
                            .map(ToyProblem::fingerprint)
                            .toList();
            List<String> actual =
                    ToyProblem.drive(restored, restoredInFlight, 4, 20).stream()
                            .map(ToyProblem::fingerprint)
                            .toList();
            assertThat(actual).as(preset.id()).isEqualTo(expected);
        }
    }

    @Test
    void theInitialDesignIsAnExplicitSettingAndLeavesOldFingerprintsAlone() {
        StudySpec smac = ToyProblem.spec(Preset.HYPERBAND_PAREGO_RF, 4).optTrialsHint(20).build();
        assertThat(smac.effectiveInitialDesign()).isEqualTo(5);
        assertThat(
                        ToyProblem.spec(Preset.HYPERBAND_PAREGO_RF, 4)
                                .optTrialsHint(20)
                                .optInitialDesign(StudySpec.SMAC_INITIAL_DESIGN)
                                .build()
                                .fingerprint())
                .isEqualTo(smac.fingerprint());
        StudySpec two =
                ToyProblem.spec(Preset.HYPERBAND_PAREGO_RF, 4)
                        .optTrialsHint(20)
                        .optInitialDesign(2)
                        .build();
        assertThat(two.fingerprint()).isNotEqualTo(smac.fingerprint());
        List<Trial> trials = ToyProblem.drive(Optimizer.create(two), ToyProblem.queue(), 1, 40);
        assertThat(
                        trials.stream()
                                .filter(t -> t.origin() == Origin.INITIAL_DESIGN)
                                .map(Trial::configId)
                                .distinct())
                .hasSize(2);
        assertThat(trials).anyMatch(t -> t.origin() == Origin.MODEL);
        assertThatThrownBy(() -> ToyProblem.spec(Preset.RANDOM, 1).optInitialDesign(-4).build())
                .hasMessageContaining("initialDesign");
        StudySpec auto = ToyProblem.spec(Preset.FULL_PAREGO_RF, 4).optTrialsHint(10).build();
        assertThat(auto.effectiveInitialDesign()).isEqualTo(3);
        // The TPE presets: max(10, d + 1), at most the trial hint (the toy space has 7
        // hyperparameters).
        assertThat(
                        ToyProblem.spec(Preset.FULL_GP_MOTPE, 4)
                                .optTrialsHint(40)
                                .build()
                                .effectiveInitialDesign())
                .isEqualTo(10);
        assertThat(
                        ToyProblem.spec(Preset.FULL_MOTPE, 4)
                                .optTrialsHint(6)
                                .build()
                                .effectiveInitialDesign())
                .isEqualTo(6);
        // Above that, a space with a categorical hyperparameter gets a quarter of the hint (at
        // least 5) ...
        assertThat(
                        ToyProblem.spec(Preset.FULL_GP_MOTPE, 4)
                                .optTrialsHint(20)
                                .build()
                                .effectiveInitialDesign())
                .isEqualTo(5);
        assertThat(
                        ToyProblem.spec(Preset.FULL_MOTPE, 4)
                                .optTrialsHint(100)
                                .build()
                                .effectiveInitialDesign())
                .isEqualTo(10);
        // ... a continuous two-objective space keeps the full design, the same space with three
        // objectives not.
        StudySpecBuilder square =
                Preset.FULL_GP_MOTPE.builder().setSpace(TestSpaces.square()).optTrialsHint(20);
        assertThat(
                        square.setObjectives(
                                        List.of(
                                                ObjectiveSpec.minimize("a"),
                                                ObjectiveSpec.minimize("b")))
                                .build()
                                .effectiveInitialDesign())
                .isEqualTo(10);
        assertThat(
                        square.setObjectives(
                                        List.of(
                                                ObjectiveSpec.minimize("a"),
                                                ObjectiveSpec.minimize("b"),
                                                ObjectiveSpec.minimize("c")))
                                .build()
                                .effectiveInitialDesign())
                .isEqualTo(5);
    }

    @Test
    void theGaussianProcessIsASettingOfItsOwnAndTheForestKeepsOldFingerprints() {
        StudySpec forest = ToyProblem.spec(Preset.FULL_PAREGO_RF, 4).build();
        assertThat(
                        ToyProblem.spec(Preset.FULL_PAREGO_RF, 4)
                                .optSurrogate(SurrogateKind.FOREST)
                                .build()
                                .fingerprint())
                .isEqualTo(forest.fingerprint());
        StudySpec gp =
                ToyProblem.spec(Preset.FULL_PAREGO_RF, 4)
                        .optSurrogate(SurrogateKind.GP_THEN_FOREST)
                        .build();
        assertThat(gp.fingerprint()).isNotEqualTo(forest.fingerprint());
        assertThat(SurrogateKind.GP_THEN_FOREST.usesGaussianProcess(SurrogateKind.GP_MAX_ROWS))
                .isTrue();
        assertThat(SurrogateKind.GP_THEN_FOREST.usesGaussianProcess(SurrogateKind.GP_MAX_ROWS + 1))
                .isFalse();
        assertThat(SurrogateKind.FOREST.usesGaussianProcess(5)).isFalse();
        // On a continuous space the process proposes from its 10th result on; the forest's
        // suggestions differ.
        List<String> byForest = squareRun(Preset.FULL_PAREGO_RF);
        List<String> byGp = squareRun(Preset.FULL_PAREGO_GP);
        assertThat(byGp.subList(0, 10)).isEqualTo(byForest.subList(0, 10));
        assertThat(byGp).isNotEqualTo(byForest);
        assertThat(squareRun(Preset.FULL_PAREGO_GP)).as("deterministic").isEqualTo(byGp);
    }

    /**
     * Fingerprints of 25 sequential trials of a preset on two smooth objectives over the unit
     * square.
     */
    private static List<String> squareRun(Preset preset) {
        Optimizer opt =
                Optimizer.create(
                        preset.builder()
                                .setSpace(TestSpaces.square())
                                .setObjectives(
                                        List.of(
                                                ObjectiveSpec.minimize("a"),
                                                ObjectiveSpec.minimize("b")))
                                .optSeed(11)
                                .optTrialsHint(25)
                                .optRandomCandidates(300)
                                .optRandomInterleave(0)
                                .build());
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Trial t = opt.ask();
            double x = t.vector()[0];
            double y = t.vector()[1];
            opt.tell(
                    t.trialId(),
                    new double[] {x * x + y * y, (x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)});
            out.add(ToyProblem.fingerprint(t));
        }
        return out;
    }

    @Test
    void theForestReportsParameterImportancesOnceItIsFitted() {
        Optimizer opt = Optimizer.create(ToyProblem.spec(Preset.HYPERBAND_PAREGO_RF, 4).build());
        assertThat(opt.importances()).as("no forest before the first results").isEmpty();
        ToyProblem.drive(opt, ToyProblem.queue(), 1, 40);
        ParameterImportances p = opt.importances().orElseThrow();
        assertThat(p.names()).startsWith(opt.spec().space().names().toArray(String[]::new));
        assertThat(p.shares().stream().mapToDouble(Double::doubleValue).sum())
                .isBetween(0.999, 1.001);
        assertThat(p.trainingRows()).isPositive();
        assertThat(Optimizer.create(ToyProblem.spec(Preset.RANDOM, 4).build()).importances())
                .as("no model, no importances")
                .isEmpty();
    }

    @Test
    void restoreRefusesASnapshotOfAnotherStudy() {
        StudySpec spec = ToyProblem.spec(Preset.RANDOM, 1).build();
        Optimizer opt = Optimizer.create(spec);
        opt.ask();
        OptimizerSnapshot snapshot = opt.snapshot();
        StudySpec other = ToyProblem.spec(Preset.RANDOM, 2).build();
        assertThatThrownBy(() -> Optimizer.restore(other, snapshot))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fingerprint");
    }

    @Test
    void failuresAndNonFiniteValuesDoNotBreakIt() {
        for (var policy : io.greenband.suggester.core.history.FailurePolicy.values()) {
            Optimizer opt =
                    Optimizer.create(
                            ToyProblem.spec(Preset.HYPERBAND_PAREGO_RF, 3)
                                    .optFailurePolicy(policy)
                                    .build());
            Deque<Trial> inFlight = new ArrayDeque<>();
            for (int i = 0; i < 90; i++) {
                if (inFlight.size() >= 3) {
                    Trial done = inFlight.poll();
                    double[] values = ToyProblem.evaluate(done);
                    switch ((int) (done.trialId() % 7)) {
                        case 0 -> opt.tell(done.trialId(), new TrialFailure("worker lost"));
                        case 1 -> opt.tell(done.trialId(), new double[] {Double.NaN, values[1]});
                        case 2 ->
                                opt.tell(
                                        done.trialId(),
                                        new double[] {values[0], Double.POSITIVE_INFINITY});
                        default -> opt.tell(done.trialId(), values);
                    }
                }
                Trial t = opt.ask();
                assertThat(TestSpaces.mixed().isValid(t.vector())).isTrue();
                inFlight.add(t);
            }
            List<TrialRecord> trials =
                    java.util.stream.IntStream.range(0, opt.history().trialCount())
                            .mapToObj(opt.history()::trial)
                            .toList();
            assertThat(trials)
                    .anyMatch(r -> r.status() == TrialStatus.FAILED && r.failure().contains("NaN"));
            assertThat(trials)
                    .anyMatch(r -> opt.history().config(r.configId()).origin() == Origin.MODEL);
            assertThat(opt.paretoFront())
                    .isNotEmpty()
                    .allMatch(r -> r.status() == TrialStatus.SUCCESS);
        }
    }

    @Test
    void pendingModelSuggestionsHaveDistinctWeights() {
        Optimizer opt =
                Optimizer.create(
                        ToyProblem.spec(Preset.ASHA_NSGA2_RF, 8).optRandomInterleave(0).build());
        ToyProblem.drive(opt, ToyProblem.queue(), 1, 40);
        List<Trial> pending = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pending.add(opt.ask());
        }
        List<double[]> weights =
                pending.stream()
                        .filter(t -> t.origin() == Origin.MODEL && !t.promoted())
                        .map(Trial::weights)
                        .toList();
        assertThat(weights).hasSizeGreaterThan(3);
        assertThat(weights.stream().map(Arrays::toString).distinct().count())
                .isEqualTo(weights.size());
    }

    @Test
    void presetsRunAndRespectTheirBudgets() {
        for (Preset preset : Preset.values()) {
            Optimizer opt = Optimizer.create(ToyProblem.spec(preset, 2).build());
            List<Trial> trials = ToyProblem.drive(opt, ToyProblem.queue(), 2, 60);
            assertThat(trials).allMatch(t -> t.budget() == 1 || t.budget() == 3 || t.budget() == 9);
            if (preset == Preset.RANDOM) {
                assertThat(trials).allMatch(t -> t.budget() == 9 && t.origin() != Origin.MODEL);
            }
            if (preset.fullBudgetOnly() && preset != Preset.RANDOM) {
                assertThat(trials).allMatch(t -> t.budget() == 9 && !t.promoted());
                assertThat(trials).anyMatch(t -> t.origin() == Origin.MODEL);
            }
            assertThat(trials)
                    .allMatch(
                            t ->
                                    List.of("promotion", "initial", "model", "random")
                                            .contains(t.originLabel()));
            assertThat(trials).allMatch(t -> t.promoted() == t.originLabel().equals("promotion"));
            if (preset == Preset.HYPERBAND_RANDOM) {
                assertThat(trials).noneMatch(t -> t.origin() == Origin.MODEL);
                assertThat(trials).anyMatch(Trial::promoted);
            }
            if (preset == Preset.HYPERBAND_PAREGO_RF || preset == Preset.ASHA_NSGA2_RF) {
                assertThat(trials).anyMatch(t -> t.origin() == Origin.MODEL);
                assertThat(trials).anyMatch(Trial::promoted);
            }
        }
        assertThat(Preset.byName("asha-nsga2-rf")).isEqualTo(Preset.ASHA_NSGA2_RF);
        assertThatThrownBy(() -> Preset.byName("smac")).hasMessageContaining("hyperband-parego-rf");
    }

    @Test
    void tellRejectsMistakesWithPreciseMessages() {
        Optimizer opt = Optimizer.create(ToyProblem.spec(Preset.RANDOM, 1).build());
        Trial t = opt.ask();
        assertThatThrownBy(() -> opt.tell(99, new double[] {1, 2}))
                .hasMessageContaining("unknown trial id 99");
        assertThatThrownBy(() -> opt.tell(t.trialId(), new double[] {1}))
                .hasMessageContaining("expected 2");
        assertThatThrownBy(() -> opt.tell(t.trialId(), Map.of("error", 1.0)))
                .hasMessageContaining("accuracy_per_joule");
        opt.tell(t.trialId(), Map.of("error", 1.0, "accuracy_per_joule", 2.0));
        assertThat(opt.history().trial(t.trialId()).costs()).containsExactly(1.0, -2.0);
        assertThatThrownBy(() -> opt.tell(t.trialId(), new double[] {1, 2}))
                .hasMessageContaining("already");
    }

    @Test
    void suggestionsOnAConfigSpaceDocumentAreValidThere() throws Exception {
        var model = io.greenband.suggester.core.space.ConfigSpacesTest.load("every-type.json");
        StudySpec spec =
                Preset.HYPERBAND_PAREGO_RF
                        .builder()
                        .setSpace(io.greenband.suggester.core.space.ConfigSpaces.of(model))
                        .setObjectives(List.of(ObjectiveSpec.minimize("loss")))
                        .optFidelity(FidelitySpec.of(1, 9))
                        .optSeed(4)
                        .optTrialsHint(20)
                        .optRandomCandidates(200)
                        .build();
        Optimizer opt = Optimizer.create(spec);
        for (int i = 0; i < 40; i++) {
            Trial t = opt.ask();
            assertThat(model.configuration(t.config()).problems()).isEmpty();
            double lr = ((Number) t.config().get("lr")).doubleValue();
            opt.tell(t.trialId(), new double[] {Math.abs(Math.log10(lr) + 3) + 1 / t.budget()});
        }
        assertThat(
                        java.util.stream.IntStream.range(0, opt.history().configCount())
                                .mapToObj(i -> opt.history().config(i).origin()))
                .contains(Origin.MODEL);
    }

    @Test
    void everyTrialFailingStillYieldsSuggestions() {
        for (Preset preset : Preset.values()) {
            Optimizer opt = Optimizer.create(ToyProblem.spec(preset, 6).build());
            for (int i = 0; i < 40; i++) {
                Trial t = opt.ask();
                opt.tell(t.trialId(), new TrialFailure(null));
            }
            assertThat(opt.history().trialCount()).isEqualTo(40);
            assertThat(opt.paretoFront()).isEmpty();
            assertThat(opt.history().trial(39).failure()).isEqualTo("failed");
        }
    }

    @Test
    void singleObjectiveSingleFidelityModelBeatsRandomSearch() {
        // Medians over a dozen seeds: one unlucky seed must not decide a comparison of methods.
        double[] model = new double[12];
        double[] random = new double[12];
        for (int seed = 1; seed <= 12; seed++) {
            model[seed - 1] = bestOfQuadratic(Preset.HYPERBAND_PAREGO_RF, seed);
            random[seed - 1] = bestOfQuadratic(Preset.RANDOM, seed);
        }
        java.util.Arrays.sort(model);
        java.util.Arrays.sort(random);
        assertThat(model[6]).isLessThan(random[6] / 4);
    }

    /** Best value of a quadratic bowl on the unit square after 40 single-fidelity trials. */
    private static double bestOfQuadratic(Preset preset, long seed) {
        Optimizer opt =
                Optimizer.create(
                        preset.builder()
                                .setSpace(TestSpaces.square())
                                .setObjectives(List.of(ObjectiveSpec.minimize("f")))
                                .optSeed(seed)
                                .optTrialsHint(30)
                                .optRandomCandidates(500)
                                .build());
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 40; i++) {
            Trial t = opt.ask();
            assertThat(t.budget()).isEqualTo(1.0);
            double x = t.vector()[0] - 0.7;
            double y = t.vector()[1] - 0.2;
            double f = x * x + y * y;
            best = Math.min(best, f);
            opt.tell(t.trialId(), new double[] {f});
        }
        assertThat(opt.paretoFront()).hasSize(1);
        assertThat(opt.paretoFront().get(0).costs()[0]).isEqualTo(best);
        return best;
    }

    @Test
    void builderNamesTheMissingField() {
        assertThatThrownBy(() -> StudySpec.builder().build()).hasMessageContaining("space");
        assertThatThrownBy(() -> StudySpec.builder().setSpace(TestSpaces.square()).build())
                .hasMessageContaining("objectives");
        assertThatThrownBy(
                        () ->
                                StudySpec.builder()
                                        .setSpace(TestSpaces.square())
                                        .setObjectives(List.of(ObjectiveSpec.minimize("a")))
                                        .optRandomInterleave(2)
                                        .build())
                .hasMessageContaining("randomInterleave");
    }
}
