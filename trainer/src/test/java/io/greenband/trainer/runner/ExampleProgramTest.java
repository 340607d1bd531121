package io.greenband.trainer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented example program (examples/command/train.py, Python 3 standard library) run through
 * the command backend as a study would start it: a relative script path, its own configuration
 * keys, each fidelity knob.
 */
class ExampleProgramTest {

    /** Relative to the module folder, where tests run; the runner makes it absolute. */
    private static final String SCRIPT = "../examples/command/train.py";

    @TempDir Path dir;

    private TrialResult run(
            String id,
            Map<String, Object> config,
            Fidelity fidelity,
            List<EpochProgress> progress) {
        CommandTrialRunner runner =
                new CommandTrialRunner(List.of("python3", SCRIPT), dir, Duration.ofSeconds(60));
        TrialRequest request =
                new TrialRequest(
                        id,
                        new CommandConfig(config),
                        fidelity,
                        5,
                        new DataSource.Synthetic(100, 10, 16, 1),
                        false,
                        null);
        return runner.run(request, progress::add);
    }

    @Test
    void trainsOnTheSuggestedConfigurationAtTheGivenBudget() throws IOException {
        assertThat(Path.of(SCRIPT)).isRegularFile();
        Map<String, Object> quadratic =
                Map.of("learning_rate", 0.5, "l2", 1e-4, "batch_size", 16, "features", "quadratic");
        List<EpochProgress> progress = new ArrayList<>();
        TrialResult result = run("quadratic", quadratic, Fidelity.of("epochs", 3), progress);
        assertThat(result.status())
                .as(String.valueOf(result.error()))
                .isEqualTo(TrialStatus.COMPLETED);
        assertThat(result.metric("loss")).isFinite().isPositive();
        assertThat(result.metric("epochs")).isEqualTo(3.0);
        assertThat(progress).extracting(EpochProgress::epoch).containsExactly(1, 2, 3);
        assertThat(progress).extracting(EpochProgress::epochs).containsOnly(3);
        assertThat(progress.get(2).validationLoss()).isEqualTo(result.metric("loss"));

        TrialResult again = run("again", quadratic, Fidelity.of("epochs", 3), new ArrayList<>());
        assertThat(again.metric("loss"))
                .as("same seed, same loss")
                .isEqualTo(result.metric("loss"));

        Map<String, Object> linear =
                Map.of("learning_rate", 0.5, "l2", 1e-4, "batch_size", 16, "features", "linear");
        TrialResult line = run("linear", linear, Fidelity.of("epochs", 3), new ArrayList<>());
        assertThat(line.metric("loss"))
                .as("a line cannot separate a circle")
                .isGreaterThan(result.metric("loss"));

        TrialResult tenth =
                run("tenth", quadratic, Fidelity.of("data_fraction", 0.1), new ArrayList<>());
        assertThat(tenth.status()).isEqualTo(TrialStatus.COMPLETED);
        assertThat(tenth.metric("train_examples")).isEqualTo(60.0);
        assertThat(Files.readString(dir.resolve("tenth/trial.json")))
                .contains("\"knob\":\"data_fraction\"");
    }

    @Test
    void aBadConfigurationIsReportedAsTheProgramsFailure() {
        TrialResult result =
                run(
                        "bad",
                        Map.of("learning_rate", -1),
                        Fidelity.of("epochs", 1),
                        new ArrayList<>());
        assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.failure()).isEqualTo(TrainerException.Kind.COMMAND);
        assertThat(result.error()).contains("config.learning_rate must be > 0");
    }
}
