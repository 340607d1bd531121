package io.greenband.cli.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramObjectiveTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir Path dir;

    private ProgramObjective program(String script) {
        return new ProgramObjective(
                List.of("sh", "-c", script),
                "latency",
                "latency_ms",
                Duration.ofSeconds(20),
                dir,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static TrialFinished trial() {
        return new TrialFinished(
                "s",
                "s-t0003",
                2,
                TrialStatus.SUCCEEDED,
                9,
                Map.of("val_error", 0.25),
                NOW.minusSeconds(60),
                NOW,
                "host",
                List.of("cpu"),
                "w",
                null,
                "/models/s-t0003-a2");
    }

    @Test
    void theProgramReadsTheTrialOnStandardInputAndItsEnvironment() throws Exception {
        // Echoes a figure from its input and the environment greenband sets, then the value on the
        // last line.
        ObjectiveReported r =
                program(
                                "grep -q '\"trialId\":\"s-t0003\"' && echo \"trial $GREENBAND_TRIAL_ID "
                                        + "attempt $GREENBAND_ATTEMPT model $GREENBAND_MODEL_ARTIFACT\" && "
                                        + "test \"$GREENBAND_OBJECTIVE\" = latency_ms && echo 12.5")
                        .run(
                                trial(),
                                "{\"studyId\":\"s\",\"trialId\":\"s-t0003\"}"
                                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r)
                .isEqualTo(
                        new ObjectiveReported(
                                "s", "s-t0003", 2, "latency_ms", 12.5, null, "latency", NOW));
    }

    @Test
    void aJsonLineCarriesTheUnit() throws Exception {
        ObjectiveReported r =
                program("echo '{\"value\": 3.25, \"unit\": \"ms\"}'").run(trial(), new byte[0]);
        assertThat(r.value()).isEqualTo(3.25);
        assertThat(r.unit()).isEqualTo("ms");
    }

    @Test
    void failuresSayWhatTheProgramDidWrong() {
        assertThatThrownBy(() -> program("exit 3").run(trial(), new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited with status 3");
        assertThatThrownBy(() -> program("true").run(trial(), new byte[0]))
                .hasMessageContaining("printed nothing");
        assertThatThrownBy(() -> program("echo fast").run(trial(), new byte[0]))
                .hasMessageContaining("printed 'fast'; expected a number");
        assertThatThrownBy(() -> program("echo '{\"value\": \"x\"}'").run(trial(), new byte[0]))
                .hasMessageContaining("'value' must be a number");
        assertThatThrownBy(() -> program("echo NaN").run(trial(), new byte[0]))
                .hasMessageContaining("non-finite");
        ProgramObjective slow =
                new ProgramObjective(
                        List.of("sleep", "5"),
                        "p",
                        "o",
                        Duration.ofMillis(200),
                        dir,
                        Clock.systemUTC());
        assertThatThrownBy(() -> slow.run(trial(), new byte[0]))
                .hasMessageContaining("did not finish within");
        ProgramObjective missing =
                new ProgramObjective(
                        List.of("no-such-program-here"),
                        "p",
                        "o",
                        Duration.ofSeconds(5),
                        dir,
                        Clock.systemUTC());
        assertThatThrownBy(() -> missing.run(trial(), new byte[0]))
                .hasMessageContaining("cannot start");
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(
                        () ->
                                new ProgramObjective(
                                        List.of(),
                                        "p",
                                        "o",
                                        Duration.ofSeconds(1),
                                        dir,
                                        Clock.systemUTC()))
                .hasMessageContaining("program must name an executable");
        assertThatThrownBy(
                        () ->
                                new ProgramObjective(
                                        List.of("x"),
                                        " ",
                                        "o",
                                        Duration.ofSeconds(1),
                                        dir,
                                        Clock.systemUTC()))
                .hasMessageContaining("producer must be a name");
        assertThatThrownBy(
                        () ->
                                new ProgramObjective(
                                        List.of("x"),
                                        "p",
                                        "o",
                                        Duration.ZERO,
                                        dir,
                                        Clock.systemUTC()))
                .hasMessageContaining("timeout must be a positive duration");
    }
}
