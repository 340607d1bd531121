package io.greenband.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.cli.local.LocalStack;
import io.greenband.cli.log.KafkaLog;
import io.greenband.cli.log.StudyEvents;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greenband optimize} end to end with the four packaged services: the example program of
 * examples/command (its own configuration keys, an epochs budget) runs every trial through the
 * trainer's command backend, and every trial comes back scored with a finite {@code loss}.
 */
class OptimizeIT {

    static final Path HOME = Path.of(System.getProperty("greenband.home"));
    static final String STUDY = "optimize-it";
    static final int TRIALS = 3;

    @TempDir Path dir;

    @Test
    void optimizesTheExampleProgramUntilTheBudgetIsSpent() {
        Path data = dir.resolve("run");
        // Absolute paths: the tests run in the module folder (relative command paths are the
        // trainer's unit tests).
        Cli run =
                Cli.run(
                        "optimize",
                        "--command",
                        "python3",
                        "--space",
                        HOME.resolve("examples/command/space.json").toString(),
                        "--study-id",
                        STUDY,
                        "--fidelity",
                        "epochs:1:3",
                        "--max-trials",
                        Integer.toString(TRIALS),
                        "--seed",
                        "11",
                        "--home",
                        HOME.toString(),
                        "--data-dir",
                        data.toString(),
                        "--ready-timeout",
                        "150",
                        "--",
                        HOME.resolve("examples/command/train.py").toString());
        assertThat(run.exitCode()).as("out:%n%s%nerr:%n%s", run.out(), run.err()).isZero();
        assertThat(run.out())
                .contains("study " + STUDY + " published", "study " + STUDY + " stopped: ");

        List<GreenbandEvent> events = studyEvents(data);
        List<TrialSuggested> suggested = of(events, TrialSuggested.class);
        assertThat(suggested).hasSizeGreaterThanOrEqualTo(TRIALS);
        assertThat(suggested)
                .allSatisfy(
                        t ->
                                assertThat(t.config())
                                        .containsOnlyKeys(
                                                "learning_rate", "l2", "batch_size", "features"));
        Map<String, TrialFinished> finished =
                of(events, TrialFinished.class).stream()
                        .collect(Collectors.toMap(TrialFinished::trialId, f -> f, (a, b) -> b));
        Map<String, TrialScored> scored =
                of(events, TrialScored.class).stream()
                        .collect(
                                Collectors.toMap(
                                        TrialScored::trialId,
                                        s -> s,
                                        (a, b) -> b.revision() >= a.revision() ? b : a));
        assertThat(suggested)
                .allSatisfy(
                        t -> {
                            TrialFinished f = finished.get(t.trialId());
                            assertThat(f).as("trial-finished of %s", t.trialId()).isNotNull();
                            assertThat(f.status())
                                    .as("%s: %s", t.trialId(), f.error())
                                    .isEqualTo(TrialStatus.SUCCEEDED);
                            assertThat(f.metrics().get("epochs"))
                                    .as("the program trained at the suggested budget")
                                    .isEqualTo(t.fidelity());
                            TrialScored s = scored.get(t.trialId());
                            assertThat(s).as("trial-scored of %s", t.trialId()).isNotNull();
                            assertThat(s.objectives())
                                    .filteredOn(o -> o.name().equals("loss"))
                                    .singleElement()
                                    .satisfies(
                                            o ->
                                                    assertThat(o.value())
                                                            .isNotNull()
                                                            .isFinite()
                                                            .isPositive());
                        });
    }

    /**
     * The study's events, read back from the run's stack (stopped when the run ended) by starting
     * it again.
     */
    private static List<GreenbandEvent> studyEvents(Path data) {
        try (LocalStack local = new LocalStack(HOME, data)) {
            EmbeddedStack stack = local.startStack(0, 0);
            KafkaLog log = new KafkaLog(stack.kafkaBootstrapServers(), stack.topics());
            return StudyEvents.select(log.readAll(StudyEvents.topics()), STUDY).stream()
                    .map(e -> e.event().payload())
                    .toList();
        }
    }

    private static <T> List<T> of(List<GreenbandEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
