package io.greenband.benchmarks.paper;

import io.greenband.events.payload.StudyDefined;
import io.greenband.suggester.core.preset.StudyDefinitions;
import io.greenband.suggester.core.study.ObjectiveSpec;
import io.greenband.suggester.core.study.Optimizer;
import io.greenband.suggester.core.study.Trial;
import io.greenband.suggester.core.study.TrialFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One study run sequentially: the suggester's optimizer built from the study definition as the
 * suggester service builds it ({@link StudyDefinitions}), asked for a trial, the trial trained by
 * {@link FixedTraining}, its objectives told back (val_error from the trainer, emissions_g from the
 * trial's energy), until the study's trial budget is spent.
 */
final class SearchLoop {

    /** The study's trials in the order they ran, and its optimizer's top fidelity. */
    record Outcome(String studyId, List<FixedTraining.Run> runs, double maxFidelity) {

        /** Joules all trials spent. */
        double joules() {
            return runs.stream().mapToDouble(FixedTraining.Run::joules).sum();
        }

        /** Succeeded trials at the top fidelity. */
        List<FixedTraining.Run> top() {
            return runs.stream().filter(r -> r.succeeded() && r.fidelity() == maxFidelity).toList();
        }
    }

    private SearchLoop() {}

    /**
     * Runs {@code study} to its {@code budget.maxTrials}, reporting each finished trial to {@code
     * progress}.
     */
    static Outcome run(
            StudyDefined study, FixedTraining training, Consumer<FixedTraining.Run> progress) {
        Optimizer optimizer = Optimizer.create(StudyDefinitions.spec(study));
        int budget = study.budget().maxTrials();
        List<String> names =
                optimizer.spec().objectives().stream().map(ObjectiveSpec::name).toList();
        List<FixedTraining.Run> runs = new ArrayList<>();
        for (int i = 0; i < budget; i++) {
            Trial trial = optimizer.ask();
            String trialId = String.format("%s-t%04d", study.studyId(), trial.trialId());
            FixedTraining.Run run =
                    training.train(
                            study, trialId, trial.config(), trial.budget(), trial.seed(), false);
            runs.add(run);
            progress.accept(run);
            if (!run.succeeded() || !Double.isFinite(run.metric("val_error"))) {
                optimizer.tell(trial.trialId(), new TrialFailure(String.valueOf(run.error())));
                continue;
            }
            Map<String, Double> objectives = new LinkedHashMap<>();
            for (String name : names) {
                objectives.put(name, objective(name, run, study));
            }
            optimizer.tell(trial.trialId(), objectives);
        }
        return new Outcome(study.studyId(), runs, study.fidelity().max());
    }

    /**
     * val_error from the trainer, emissions_g from the trial's joules and the study's carbon
     * intensity.
     */
    static double objective(String name, FixedTraining.Run run, StudyDefined study) {
        return switch (name) {
            case "val_error" -> run.metric("val_error");
            case "emissions_g" -> emissions(run.joules(), study.carbon().intensityGPerKwh());
            default ->
                    throw new IllegalArgumentException(
                            "the paper benchmark has no objective " + name);
        };
    }

    /** Grams of CO2e of {@code joules} at {@code intensityGPerKwh}. */
    static double emissions(double joules, double intensityGPerKwh) {
        return joules / 3.6e6 * intensityGPerKwh;
    }
}
