package io.greenband.trainer.runner;

import io.greenband.events.payload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A program this trainer may run for the command backend, registered in the trainer's own
 * configuration: a study only names it. The program starts with exactly {@code argv} (no shell), in
 * {@code workDir} or else its trial's folder, with only the {@code environment} variables named
 * here copied from the trainer's own environment (plus {@link CommandTrialRunner#TRIAL_FILE_ENV}),
 * and is stopped, with every process it started, after {@code timeout}.
 *
 * @param name what a study's {@code workload.program} says ({@link Workload#PROGRAM_NAME})
 * @param argv the program and its fixed arguments
 * @param workDir where it runs; null: its trial's folder under the trainer's command working folder
 * @param environment the names of the trainer's environment variables it may see
 * @param timeout wall-clock limit of one trial
 */
public record Program(
        String name, List<String> argv, Path workDir, List<String> environment, Duration timeout) {

    /**
     * Variables a program sees when its registration names none: enough to find interpreters, a
     * home, a locale and the GPUs the trainer was given; never the trainer's Kafka or MongoDB
     * credentials.
     */
    public static final List<String> DEFAULT_ENVIRONMENT =
            List.of(
                    "PATH",
                    "HOME",
                    "USER",
                    "LANG",
                    "LC_ALL",
                    "TZ",
                    "TMPDIR",
                    "CUDA_VISIBLE_DEVICES",
                    "NVIDIA_VISIBLE_DEVICES");

    /** Checks every field, naming the program and the field. */
    public Program {
        if (name == null || !Workload.PROGRAM_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "program name must be letters, digits, '.', '_' or '-' (at most 64), "
                            + "got '"
                            + name
                            + "'");
        }
        if (argv == null
                || argv.isEmpty()
                || argv.stream().anyMatch(a -> a == null || a.isEmpty())) {
            throw new IllegalArgumentException(
                    "program '"
                            + name
                            + "': argv must name an executable, with no empty "
                            + "arguments, got "
                            + argv);
        }
        argv = List.copyOf(argv);
        environment = List.copyOf(environment == null ? DEFAULT_ENVIRONMENT : environment);
        if (environment.stream().anyMatch(v -> v == null || !v.matches("[A-Za-z_][A-Za-z0-9_]*"))) {
            throw new IllegalArgumentException(
                    "program '"
                            + name
                            + "': environment must list variable names, got "
                            + environment);
        }
        Objects.requireNonNull(timeout, "program '" + name + "': timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "program '" + name + "': timeout must be positive, got " + timeout);
        }
    }
}
