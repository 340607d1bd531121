package io.greenband.suggester.core.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.suggester.core.TestSpaces;
import io.greenband.suggester.core.history.Origin;
import io.greenband.suggester.core.preset.Preset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The multi-objective TPE presets: they learn, they handle conditional spaces, and they are
 * deterministic.
 */
class MotpeOptimizerTest {

    /**
     * Two objectives on the unit square whose front is the segment from (0.2, 0.7) to (0.3, 0.7).
     */
    private static double[] square(Trial t) {
        double x = (Double) t.config().get("x");
        double y = (Double) t.config().get("y");
        return new double[] {
            Math.pow(x - 0.2, 2) + Math.pow(y - 0.7, 2), Math.pow(x - 0.3, 2) + Math.pow(y - 0.7, 2)
        };
    }

    private static List<Trial> run(Preset preset, long seed, int trials) {
        Optimizer opt =
                Optimizer.create(
                        preset.builder()
                                .setSpace(TestSpaces.square())
                                .setObjectives(
                                        List.of(
                                                ObjectiveSpec.minimize("a"),
                                                ObjectiveSpec.minimize("b")))
                                .optFidelity(FidelitySpec.of(1, 1))
                                .optSeed(seed)
                                .optTrialsHint(trials)
                                .build());
        List<Trial> out = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            Trial t = opt.ask();
            opt.tell(t.trialId(), square(t));
            out.add(t);
        }
        return out;
    }

    private static double meanDistance(List<Trial> trials) {
        return trials.stream()
                .mapToDouble(
                        t ->
                                Math.hypot(
                                        (Double) t.config().get("x") - 0.25,
                                        (Double) t.config().get("y") - 0.7))
                .average()
                .orElseThrow();
    }

    @Test
    void motpeProposalsGatherNearTheFront() {
        List<Trial> tpe = run(Preset.FULL_MOTPE, 11, 60);
        List<Trial> model = tpe.stream().filter(t -> t.origin() == Origin.MODEL).toList();
        assertThat(model).hasSizeGreaterThan(30);
        List<Trial> random = run(Preset.RANDOM, 11, 60);
        // Uniform points lie about 0.4 from the front's centre on average.
        assertThat(meanDistance(model.subList(model.size() / 2, model.size())))
                .isLessThan(0.5 * meanDistance(random));
    }

    @Test
    void theHybridUsesTpeOnAConditionalSpaceAndRepeatsItself() {
        for (Preset preset : List.of(Preset.FULL_MOTPE, Preset.FULL_GP_MOTPE)) {
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (List<String> out : List.of(first, second)) {
                Optimizer opt = Optimizer.create(ToyProblem.spec(preset, 5).build());
                for (Trial t : ToyProblem.drive(opt, ToyProblem.queue(), 3, 40)) {
                    assertThat(opt.spec().space().isValid(t.vector())).isTrue();
                    out.add(ToyProblem.fingerprint(t));
                }
            }
            assertThat(first).as(preset.id()).isEqualTo(second);
            assertThat(first).as(preset.id()).anyMatch(f -> f.contains("/MODEL/null"));
        }
    }

    @Test
    void theHybridFitsTheProcessOnTwoObjectivesFromTenResultsAndTpeOnThree() {
        for (int m : new int[] {2, 3}) {
            List<ObjectiveSpec> objectives = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                objectives.add(ObjectiveSpec.minimize("o" + k));
            }
            Optimizer opt =
                    Optimizer.create(
                            Preset.FULL_GP_MOTPE
                                    .builder()
                                    .setSpace(TestSpaces.square())
                                    .setObjectives(objectives)
                                    .optFidelity(FidelitySpec.of(1, 1))
                                    .optSeed(3)
                                    .optTrialsHint(16)
                                    .optRandomCandidates(200)
                                    .build());
            List<Trial> model = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Trial t = opt.ask();
                double[] v = square(t);
                opt.tell(t.trialId(), m == 2 ? v : new double[] {v[0], v[1], v[0] + v[1]});
                if (t.origin() == Origin.MODEL) {
                    model.add(t);
                }
            }
            assertThat(model).as("%d objectives", m).isNotEmpty();
            // ParEGO weights mark the process's proposals; TPE proposes without them.
            if (m == 2) {
                assertThat(model).allMatch(t -> t.weights() != null);
            } else {
                assertThat(model).allMatch(t -> t.weights() == null);
            }
        }
    }
}
