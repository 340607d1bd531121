package io.greenband.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.cli.front.Scores;
import io.greenband.cli.log.KafkaLog;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.topic.TopicRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * create, list, status, front, stop, export and import against the real broker, through the command
 * line.
 */
@EmbeddedStackTest
class StudyLifecycleIT {

    EmbeddedStack stack;

    @TempDir Path dir;

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

    @Test
    void createListStopExportImportRoundTrip() throws Exception {
        String prefix = "life.";
        stack.createTopics(TopicRegistry.withPrefix(prefix).withPartitions(1));
        Path study = ExampleStudiesTest.example("dsnn-quick.yaml");

        Cli created = cli(prefix, "study", "create", study.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("created study dsnn-quick");
        assertThat(cli(prefix, "study", "create", study.toString()).out())
                .contains("already exists with this definition");

        Path changed = dir.resolve("changed.yaml");
        Files.writeString(changed, Files.readString(study).replace("seed: 7", "seed: 8"));
        Cli conflict = cli(prefix, "study", "create", changed.toString());
        assertThat(conflict.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(conflict.err())
                .contains("already exists with another definition")
                .contains("fingerprint");

        Cli list = cli(prefix, "study", "list");
        assertThat(list.out()).containsPattern("dsnn-quick\\s+RUNNING");

        KafkaLog log =
                new KafkaLog(stack.kafkaBootstrapServers(), TopicRegistry.withPrefix(prefix));
        // Scores as the aggregator publishes them, each after its trial's end: the only ones the
        // CLI believes.
        KafkaLog aggregator =
                new KafkaLog(stack.kafkaBootstrapServers(), TopicRegistry.withPrefix(prefix));
        List<io.greenband.events.payload.TrialScored> scores =
                List.of(
                        Scores.scored("dsnn-quick", "t1", 18, 0.3, 2, 0),
                        Scores.scored("dsnn-quick", "t2", 18, 0.2, 3, 0),
                        Scores.scored("dsnn-quick", "t3", 18, 0.4, 4, 0),
                        Scores.scored("dsnn-quick", "t0", 6, 0.1, 0.5, 0),
                        Scores.failed("dsnn-quick", "t4"));
        java.util.List<io.greenband.events.codec.ReceivedEvent> asAggregator =
                new java.util.ArrayList<>();
        for (var sc : scores) {
            var end =
                    new io.greenband.events.payload.TrialFinished(
                            sc.studyId(),
                            sc.trialId(),
                            sc.attempt(),
                            sc.status(),
                            sc.fidelity(),
                            java.util.Map.of(),
                            sc.scoredAt().minusSeconds(90),
                            sc.scoredAt().minusSeconds(30),
                            "h",
                            List.of("cpu"),
                            "w",
                            sc.status() == io.greenband.events.payload.TrialStatus.SUCCEEDED
                                    ? null
                                    : "x",
                            null);
            log.publish(List.of(end));
            asAggregator.add(
                    new io.greenband.events.codec.ReceivedEvent(
                            EventCodec.idFor(sc),
                            java.net.URI.create(io.greenband.cli.front.ScoreTrust.DEFAULT_SOURCE),
                            sc.type(),
                            sc.scoredAt(),
                            sc.studyId(),
                            sc));
        }
        aggregator.republish(asAggregator);

        Cli front = cli(prefix, "front", "dsnn-quick", "--csv");
        assertThat(front.exitCode()).as(front.err()).isZero();
        assertThat(front.out().lines().toList())
                .containsExactly(
                        "trialId,fidelity,val_error,emissions_g,joules,energy",
                        "t2,18,0.2,3,301,estimated",
                        "t1,18,0.3,2,201,estimated");
        assertThat(cli(prefix, "front", "dsnn-quick", "--all-fidelities", "--csv").out())
                .contains("t0,6")
                .doesNotContain("t1,");

        Cli status = cli(prefix, "study", "status", "dsnn-quick");
        assertThat(status.out())
                .contains("RUNNING")
                .contains("4 succeeded, 1 failed")
                .contains("front size:  2");

        Cli stop = cli(prefix, "study", "stop", "dsnn-quick");
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(cli(prefix, "study", "list").out())
                .containsPattern("dsnn-quick\\s+STOPPED \\(requested\\)");
        assertThat(cli(prefix, "study", "stop", "dsnn-quick").exitCode())
                .isEqualTo(ExitCodes.CONFLICT);
        assertThat(cli(prefix, "study", "stop", "nope").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        Cli unknownFront = cli(prefix, "front", "nope");
        assertThat(unknownFront.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(unknownFront.err()).contains("no study 'nope'").contains("dsnn-quick");
        Cli unknownStatus = cli(prefix, "study", "status", "nope");
        assertThat(unknownStatus.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        Cli unknownExport =
                cli(prefix, "export", "nope", "-o", dir.resolve("nope.jsonl").toString());
        assertThat(unknownExport.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);

        Path export = dir.resolve("dsnn-quick.jsonl");
        Cli exported = cli(prefix, "export", "dsnn-quick", "-o", export.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).contains("io.greenband.study-defined.v1");
        assertThat(lines.get(11)).contains("io.greenband.study-stopped.v1");

        Cli imported = cli("copy.", "import", export.toString(), "--create-topics");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path again = dir.resolve("again.jsonl");
        assertThat(cli("copy.", "export", "dsnn-quick", "-o", again.toString()).exitCode())
                .isZero();
        EventCodec codec = log.codec();
        assertThat(ids(again, codec)).containsExactlyElementsOf(ids(export, codec));
        assertThat(cli("copy.", "study", "list").out()).containsPattern("dsnn-quick\\s+STOPPED");
        assertThat(cli("copy.", "front", "dsnn-quick", "--csv").out()).isEqualTo(front.out());

        // The copy now holds the study: a second import is refused, naming it and the way out, and
        // adds nothing.
        Cli twice = cli("copy.", "import", export.toString());
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(twice.err()).contains("already hold study dsnn-quick", "--append");
        Path unchanged = dir.resolve("unchanged.jsonl");
        assertThat(cli("copy.", "export", "dsnn-quick", "-o", unchanged.toString()).exitCode())
                .isZero();
        assertThat(Files.readAllLines(unchanged)).hasSize(lines.size());
        Cli appended = cli("copy.", "import", export.toString(), "--append");
        assertThat(appended.exitCode()).as(appended.err()).isZero();
        assertThat(appended.out()).contains("imported " + lines.size() + " events");
    }

    @Test
    void kafkaConfigReachesEveryClient() throws Exception {
        String prefix = "config.";
        stack.createTopics(TopicRegistry.withPrefix(prefix).withPartitions(1));
        Path plain = dir.resolve("plain.properties");
        Files.writeString(
                plain,
                "# the embedded broker speaks plaintext\nsecurity.protocol=PLAINTEXT\nclient.dns.lookup=use_all_dns_ips\n");
        Cli ok = cli(prefix, "study", "list", "--kafka-config", plain.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();

        // TLS against the plaintext listener: the setting reached the client, which cannot connect.
        Path tls = dir.resolve("tls.properties");
        Files.writeString(tls, "security.protocol=SSL\n");
        Cli failed = cli(prefix, "study", "list", "--kafka-config", tls.toString());
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.STACK);
        assertThat(failed.err())
                .contains("Kafka at " + stack.kafkaBootstrapServers())
                .doesNotContain("(null)");
    }

    @Test
    void replayPublishesIntoFreshTopics() throws Exception {
        String prefix = "replay-src.";
        stack.createTopics(TopicRegistry.withPrefix(prefix).withPartitions(1));
        assertThat(
                        cli(
                                        prefix,
                                        "study",
                                        "create",
                                        ExampleStudiesTest.example("dsnn-quick.yaml").toString())
                                .exitCode())
                .isZero();
        Cli same = cli(prefix, "replay", "--study", "dsnn-quick", "--into-prefix", prefix);
        assertThat(same.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        Cli replay = cli(prefix, "replay", "--study", "dsnn-quick", "--into-prefix", "replay-dst.");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out())
                .contains("replayed 1 events")
                .contains("GREENBAND_TOPICS_PREFIX=replay-dst.");
        assertThat(cli("replay-dst.", "study", "list").out())
                .containsPattern("dsnn-quick\\s+RUNNING");
    }

    private static List<String> ids(Path file, EventCodec codec) throws Exception {
        return Files.readAllLines(file).stream()
                .map(l -> codec.fromJsonLine(l.getBytes()).id())
                .toList();
    }
}
