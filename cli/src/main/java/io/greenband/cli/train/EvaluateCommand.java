package io.greenband.cli.train;

import io.greenband.cli.CliException;
import io.greenband.cli.Connection;
import io.greenband.cli.front.FrontCommand;
import io.greenband.cli.front.Point;
import io.greenband.cli.front.ScoredTrials;
import io.greenband.cli.log.LoggedEvent;
import io.greenband.cli.study.StudyFiles;
import io.greenband.energy.estimate.ProcessEnergyModel;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenband evaluate STUDY_ID}: the study's final Pareto front (its scored trials at the
 * highest fidelity, as {@code front} prints it) trained again at the study's maximum fidelity with
 * several seeds and scored on the test set: test accuracy and energy per configuration with their
 * spread, what the paper's Table 1 reports.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description =
                "Re-train a study's final Pareto front at full fidelity with several seeds; report test accuracy "
                        + "and energy with their spread.")
public final class EvaluateCommand implements Callable<Integer> {

    @Mixin Connection connection;

    @Parameters(index = "0", paramLabel = "STUDY_ID", description = "The study.")
    String studyId;

    @Option(
            names = "--seeds",
            description = "Seeds per configuration, 1..N (default: ${DEFAULT-VALUE}).",
            defaultValue = "3")
    int seeds;

    @Option(names = "--csv", description = "Write CSV instead of a table.")
    boolean csv;

    @Mixin TrainerOptions options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1 || seeds > 100) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--seeds must be 1..100, got " + seeds);
        }
        StudyDefined study = null;
        Map<String, Map<String, Object>> configs = new HashMap<>();
        for (LoggedEvent e :
                connection.kafka().readAll(List.of(Topic.STUDIES, Topic.TRIAL_SUGGESTED))) {
            if (e.event().payload() instanceof StudyDefined d && d.studyId().equals(studyId)) {
                study = d;
            } else if (e.event().payload() instanceof TrialSuggested s
                    && s.studyId().equals(studyId)) {
                configs.put(s.trialId(), s.config());
            }
        }
        if (study == null) {
            throw CliException.notFound(
                    "study '" + studyId + "' is not defined on the studies topic");
        }
        if (!study.workload().backend().equals("dsnn")) {
            throw CliException.invalidStudy(
                    "study '"
                            + studyId
                            + "' trains a registered program; evaluate re-trains "
                            + "DSNN studies only",
                    null);
        }
        StudyFiles.checkLocalData(study);
        ScoredTrials scored = FrontCommand.fold(connection, studyId);
        List<Point> front = scored.front(false);
        if (front.isEmpty()) {
            throw CliException.notFound("study '" + studyId + "' has no scored trials yet");
        }
        TrainerJvm jvm = options.trainer();
        ProcessEnergyModel energy = ProcessEnergyModel.ofThisMachine();
        double intensity =
                study.carbon().intensityGPerKwh() == null
                        ? 475.0
                        : study.carbon().intensityGPerKwh();
        var err = spec.commandLine().getErr();
        List<EvaluationTable.Row> rows = new ArrayList<>();
        for (Point point : front) {
            Map<String, Object> config = configs.get(point.trialId());
            if (config == null) {
                throw CliException.notFound(
                        "trial " + point.trialId() + " has no trial-suggested event in the log");
            }
            List<Long> seedList = new ArrayList<>();
            List<ChildResult> results = new ArrayList<>();
            List<Double> joules = new ArrayList<>();
            for (long seed = 1; seed <= seeds; seed++) {
                FixedRun run =
                        new FixedRun(
                                config,
                                study.fidelity().knob(),
                                study.fidelity().max(),
                                seed,
                                study.workload().dataset(),
                                study.workload().datasetPath(),
                                study.workload().options(),
                                intensity);
                ChildResult r = jvm.train(run, true);
                seedList.add(seed);
                results.add(r);
                joules.add(energy.joules(r.cpuSeconds(), r.wallSeconds(), r.residentBytes()));
                err.printf(
                        "%s seed %d: %s%n",
                        point.trialId(),
                        seed,
                        r.succeeded()
                                ? String.format(
                                        java.util.Locale.ROOT,
                                        "test_accuracy %.4f",
                                        r.metric("test_accuracy"))
                                : "FAILED " + r.error());
                err.flush();
            }
            rows.add(
                    new EvaluationTable.Row(
                            point.trialId(), config, seedList, results, joules, intensity));
        }
        var out = spec.commandLine().getOut();
        if (options.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("studyId", studyId);
            doc.put("fidelity", Map.of(study.fidelity().knob().json(), study.fidelity().max()));
            doc.put("seeds", seeds);
            doc.put("rows", rows.stream().map(EvaluationTable.Row::json).toList());
            TrainerOptions.printJson(out, doc);
        } else {
            out.print(csv ? EvaluationTable.csv(rows) : EvaluationTable.table(rows));
            out.flush();
        }
        return 0;
    }
}
