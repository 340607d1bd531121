package io.greenband.cli.report;

import io.greenband.cli.front.ScoredTrials;
import io.greenband.cli.front.Scores;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.study.StudyReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The quick example study with five scored trials (three at fidelity 18, two at 6) and one failed,
 * their configurations, learning curves, a CPU's power and the suggester's parameter importances:
 * what a finished {@code local} run hands the report.
 */
final class ReportFixture {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final StudyDefined study;
    final ScoredTrials scored;
    final ReportExtras extras;

    ReportFixture() throws Exception {
        study =
                StudyReader.read(
                        Path.of(
                                System.getProperty("greenband.home"),
                                "examples",
                                "dsnn-quick.yaml"));
        scored =
                new ScoredTrials(
                        study.studyId(), ScoredTrials.referenceOf(study), study.fidelity().max());
        extras = new ReportExtras(study.studyId());
        String id = study.studyId();
        scored.add(Scores.scored(id, "t<1>", 18, 0.3, 2, 0));
        scored.add(Scores.scored(id, "t2", 18, 0.2, 3, 0));
        scored.add(Scores.scored(id, "t3", 18, 0.4, 4, 0));
        scored.add(Scores.scored(id, "t4", 6, 0.35, 1, 0));
        scored.add(Scores.scored(id, "t5", 6, 0.45, 0.8, 0));
        scored.add(Scores.failed(id, "t6"));
        List<String> trials = List.of("t<1>", "t2", "t3", "t4", "t5", "t6");
        for (int i = 0; i < trials.size(); i++) {
            extras.add(
                    new TrialSuggested(
                            id,
                            trials.get(i),
                            1,
                            "c" + i,
                            Map.of(
                                    "learning_rate",
                                    0.001 * (i + 1),
                                    "optimizer",
                                    i % 2 == 0 ? "SGD" : "Adam",
                                    "batch_size",
                                    32 << (i % 3)),
                            18.0,
                            0,
                            0,
                            7L,
                            600,
                            "test",
                            "fp",
                            T0.plusSeconds(60L * i)));
            for (int epoch = 1; epoch <= 3 && i < 5; epoch++) {
                extras.add(
                        new TrialProgress(
                                id,
                                trials.get(i),
                                1,
                                epoch,
                                3,
                                Map.of("val_error", 0.8 / (epoch + i), "train_loss", 2.0 / epoch),
                                T0.plusSeconds(60L * i + 10 * epoch)));
            }
        }
        // The suggester's view as stored: one name needs escaping inside the report's script
        // element.
        extras.importances(
                StudyImportances.decode(
                                id,
                                new org.bson.Document("_id", id)
                                        .append(
                                                "method",
                                                "permutation importance of the random forest on its training rows")
                                        .append("trainingRows", 5)
                                        .append(
                                                "computedAt",
                                                java.util.Date.from(T0.plusSeconds(300)))
                                        .append(
                                                "importances",
                                                List.of(
                                                        new org.bson.Document(
                                                                        "name", "learning_rate")
                                                                .append("importance", 0.6),
                                                        new org.bson.Document(
                                                                        "name",
                                                                        "optimizer</script>")
                                                                .append("importance", 0.3),
                                                        new org.bson.Document("name", "batch_size")
                                                                .append("importance", 0.1))))
                        .orElseThrow());
        for (int k = 0; k < 30; k++) {
            Instant from = T0.plusSeconds(10L * k);
            double watts = 20 + (k % 7) * 3.5;
            extras.add(
                    new EnergySample(
                            "node-1",
                            "host-1",
                            EnergySample.Component.CPU,
                            "package-0",
                            "CPU",
                            0,
                            EnergySample.Method.NVML_ENERGY_COUNTER,
                            false,
                            from,
                            from.plusSeconds(10),
                            10_000_000_000L,
                            watts * 10,
                            null,
                            null,
                            null,
                            0,
                            false,
                            watts,
                            null,
                            null,
                            null,
                            List.of(),
                            List.of(),
                            null,
                            null,
                            List.of(),
                            k));
        }
    }
}
