package io.greenband.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.cli.front.ScoreTrust;
import io.greenband.cli.front.Scores;
import io.greenband.cli.log.KafkaLog;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.TopicRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} and {@code evaluate} through the command line, training for real in the trainer's
 * JVM on a tiny synthetic set (8 px, 100 images, one epoch), and {@code evaluate} reading a study's
 * front from the real broker.
 */
@EmbeddedStackTest
class TrainEvaluateIT {

    static final Path HOME = Path.of(System.getProperty("greenband.home"));
    private static final String TINY =
            """
            "workload": {"dataset": "synthetic", "options": {"syntheticTrainImages": "100", "syntheticTestImages": "20",
                         "syntheticImageSize": "8"}}""";

    EmbeddedStack stack;

    @TempDir Path dir;

    @Test
    void trainsTheFloatNetworkAtShiftDepthZeroAndReportsAccuracyAndEnergy() throws Exception {
        Path config = dir.resolve("float.json");
        Files.writeString(
                config,
                "{\"config\": {\"epochs\": 1, \"batch_size\": 16, \"optimizer\": \"adam\", "
                        + "\"learning_rate\": 0.01}, \"fidelity\": {\"shift_depth\": 0}, \"seed\": 3, "
                        + TINY
                        + "}");
        Cli cli = Cli.run("train", config.toString(), "--json", "--home", HOME.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(cli.out());
        assertThat(out.at("/fidelity/shift_depth").asDouble()).isZero();
        assertThat(out.at("/metrics/shift_layers").asDouble()).isZero();
        assertThat(out.at("/metrics/test_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(out.at("/metrics/val_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(out.at("/cpu_seconds").asDouble()).isPositive();
        assertThat(out.at("/joules").asDouble()).isPositive();
        assertThat(out.at("/emissions_g").asDouble()).isPositive();

        Cli text = Cli.run("train", config.toString(), "--seed", "4", "--home", HOME.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("shift_depth 0, seed 4, synthetic: val_accuracy")
                .contains("test_accuracy")
                .contains(" J, ");
    }

    @Test
    void refusesABadConfigurationAMissingFileAndAnUnbuiltTrainer() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"config\": {\"dropout\": 0.5}}");
        Cli refused = Cli.run("train", bad.toString(), "--home", HOME.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID_STUDY);
        assertThat(refused.err())
                .contains("bad.json")
                .contains("unknown configuration key 'dropout'");
        Cli missing = Cli.run("train", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "{\"config\": {\"epochs\": 1}, " + TINY + "}");
        Cli unbuilt = Cli.run("train", ok.toString(), "--home", dir.toString());
        assertThat(unbuilt.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unbuilt.err()).contains("the trainer is not built");
    }

    @Test
    void evaluatesTheFrontWithSeedsOnTheTestSet() throws Exception {
        String prefix = "eval.";
        stack.createTopics(TopicRegistry.withPrefix(prefix).withPartitions(1));
        Path study = dir.resolve("tiny.yaml");
        Files.writeString(
                study,
                """
                studyId: tiny
                space:
                  name: tiny
                  hyperparameters:
                    - {type: ordinal, name: batch_size, sequence: [16, 32]}
                    - {type: uniform_int, name: epochs, lower: 1, upper: 2}
                objectives:
                  - {name: val_error, direction: minimize, source: metric:val_error}
                  - {name: emissions_g, direction: minimize, source: energy:emissions_g, unit: g}
                fidelity: {knob: shift_depth, min: 1, max: 3, eta: 3}
                scheduler: {kind: hyperband}
                budget: {maxTrials: 4}
                seed: 7
                workload:
                  dataset: synthetic
                  options: {syntheticTrainImages: "100", syntheticTestImages: "20", syntheticImageSize: "8"}
                """);
        assertThat(cli(prefix, "study", "create", study.toString()).exitCode()).isZero();
        KafkaLog log =
                new KafkaLog(stack.kafkaBootstrapServers(), TopicRegistry.withPrefix(prefix));
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        // t1 and t2 are the front at fidelity 3; t3 is dominated, t0 ran at a lower fidelity.
        List<TrialScored> scores =
                List.of(
                        Scores.scored("tiny", "t1", 3, 0.3, 0.002, 0),
                        Scores.scored("tiny", "t2", 3, 0.2, 0.003, 0),
                        Scores.scored("tiny", "t3", 3, 0.4, 0.004, 0),
                        Scores.scored("tiny", "t0", 1, 0.1, 0.001, 0));
        List<ReceivedEvent> asAggregator = new ArrayList<>();
        for (TrialScored sc : scores) {
            Map<String, Object> config =
                    Map.of("batch_size", 16, "epochs", sc.trialId().equals("t2") ? 2 : 1);
            log.publish(
                    List.of(
                            new TrialSuggested(
                                    "tiny",
                                    sc.trialId(),
                                    1,
                                    null,
                                    config,
                                    sc.fidelity(),
                                    0,
                                    0,
                                    5,
                                    60,
                                    "random",
                                    null,
                                    at)));
            log.publish(
                    List.of(
                            new TrialFinished(
                                    "tiny",
                                    sc.trialId(),
                                    1,
                                    TrialStatus.SUCCEEDED,
                                    sc.fidelity(),
                                    Map.of(),
                                    sc.scoredAt().minusSeconds(90),
                                    sc.scoredAt().minusSeconds(30),
                                    "h",
                                    List.of("cpu"),
                                    "w",
                                    null,
                                    null)));
            asAggregator.add(
                    new ReceivedEvent(
                            EventCodec.idFor(sc),
                            URI.create(ScoreTrust.DEFAULT_SOURCE),
                            sc.type(),
                            sc.scoredAt(),
                            sc.studyId(),
                            sc));
        }
        log.republish(asAggregator);

        Cli csv =
                cli(prefix, "evaluate", "tiny", "--seeds", "2", "--csv", "--home", HOME.toString());
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(3);
        // the front's two configurations, in the order front prints them; neither dominated t3 nor
        // low-fidelity t0
        assertThat(lines.subList(1, 3))
                .extracting(l -> String.join(",", List.of(l.split(",")).subList(0, 3)))
                .containsExactlyInAnyOrder("t1,2,0", "t2,2,0");
        for (String line : lines.subList(1, 3)) {
            String[] f = line.split(",");
            assertThat(Double.parseDouble(f[3])).as(line).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(f[8])).as(line).isPositive();
        }
        assertThat(csv.err()).contains("t1 seed 2: test_accuracy");

        Cli unknown = cli(prefix, "evaluate", "nope", "--home", HOME.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    private Cli cli(String prefix, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(
                List.of(
                        "--bootstrap-servers",
                        stack.kafkaBootstrapServers(),
                        "--topic-prefix",
                        prefix));
        return Cli.run(all.toArray(String[]::new));
    }
}
