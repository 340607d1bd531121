package io.greenband.suggester.core.study;

import io.greenband.suggester.core.TestSpaces;
import io.greenband.suggester.core.preset.Preset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A cheap two-objective problem on the mixed space and a driver keeping several trials in flight.
 */
final class ToyProblem {

    private ToyProblem() {}

    /** A small, fast spec for a preset: few random candidates, small trial hint. */
    static StudySpecBuilder spec(Preset preset, long seed) {
        return preset.builder()
                .setSpace(TestSpaces.mixed())
                .setObjectives(
                        List.of(
                                ObjectiveSpec.minimize("error"),
                                ObjectiveSpec.maximize("accuracy_per_joule")))
                .optFidelity(FidelitySpec.of(1, 9))
                .optSeed(seed)
                .optTrialsHint(40)
                .optRandomCandidates(300);
    }

    /**
     * The objectives of a trial: error falls with budget and a good eta; energy grows with budget
     * and depth.
     */
    static double[] evaluate(Trial t) {
        Map<String, Object> c = t.config();
        double eta = (Double) c.get("eta");
        double depth = c.containsKey("max_depth") ? ((Long) c.get("max_depth")).doubleValue() : 4;
        double sub = ((Number) c.get("subsample")).doubleValue();
        double error =
                Math.pow(Math.log10(eta) + 1.3, 2)
                        + Math.abs(depth - 7) / 10
                        + 1 / t.budget()
                        + (1 - sub) / 4;
        double energy = t.budget() * (1 + depth / 4) * sub;
        return new double[] {error, 1 / energy};
    }

    /**
     * Keeps {@code parallel} trials in flight: tells the oldest, asks again; returns every asked
     * trial.
     */
    static List<Trial> drive(Optimizer opt, Deque<Trial> inFlight, int parallel, int asks) {
        List<Trial> out = new ArrayList<>();
        for (int i = 0; i < asks; i++) {
            while (inFlight.size() >= parallel) {
                Trial done = inFlight.poll();
                opt.tell(done.trialId(), evaluate(done));
            }
            Trial t = opt.ask();
            inFlight.add(t);
            out.add(t);
        }
        return out;
    }

    static Deque<Trial> queue() {
        return new ArrayDeque<>();
    }

    /** What must match between two runs. */
    static String fingerprint(Trial t) {
        return t.trialId()
                + "/"
                + t.configId()
                + "/"
                + java.util.Arrays.toString(t.vector())
                + "@"
                + t.budget()
                + "/"
                + t.bracket()
                + "/"
                + t.rung()
                + "/"
                + t.origin()
                + "/"
                + java.util.Arrays.toString(t.weights());
    }
}
