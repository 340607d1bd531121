package io.greenband.trainer.worker;

import io.greenband.events.payload.Fidelity.Knob;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.payload.Workload;
import io.greenband.trainer.runner.CommandConfig;
import io.greenband.trainer.runner.CommandTrialRunner;
import io.greenband.trainer.runner.DataSource;
import io.greenband.trainer.runner.DjlTrialRunner;
import io.greenband.trainer.runner.Fidelity;
import io.greenband.trainer.runner.Hyperparameters;
import io.greenband.trainer.runner.TrainerException;
import io.greenband.trainer.runner.TrialConfig;
import io.greenband.trainer.runner.TrialRequest;
import java.nio.file.Path;

/**
 * Turns a suggestion and its study into a {@link TrialPlan}: the backend the study's workload names (the DJL
 * DSNN by default, a user command otherwise), its data (synthetic by default, CIFAR-10 from a folder), the
 * configuration (parsed strictly for the DSNN, passed through as suggested for a command) and the fidelity under the
 * study's knob. Anything malformed is an INVALID_CONFIG or DATA
 * {@link TrainerException} whose message names the field.
 */
public final class TrialPlanner {

    /** Seed of the synthetic data set: the data stays the same across trials, only the trial seed varies. */
    public static final long SYNTHETIC_DATA_SEED = 2026L;

    private final WorkerSettings settings;
    private final DeviceInventory devices;

    /** A planner for this trainer's settings and devices. */
    public TrialPlanner(WorkerSettings settings, DeviceInventory devices) {
        this.settings = settings;
        this.devices = devices;
    }

    /** The plan, or a TrainerException saying what is wrong with the trial or its study. */
    public TrialPlan plan(TrialSuggested trial, StudyEntry study) {
        if (study == null || !study.defined()) {
            throw TrainerException.invalidConfig("study '" + trial.studyId() + "' is not defined on the studies "
                    + "topic; the trainer needs its workload and fidelity knob", null);
        }
        if (study.stopped()) {
            throw TrainerException.invalidConfig("study '" + trial.studyId() + "' was stopped before the trial "
                    + "started: " + study.stopReason(), null);
        }
        Workload workload = study.workload();
        Fidelity fidelity = fidelity(study.knob(), trial.fidelity());
        DataSource data = data(workload);
        return switch (workload.backend()) {
            case Workload.DSNN -> {
                TrialConfig config = dsnnConfig(trial);
                yield new TrialPlan(Workload.DSNN, new DjlTrialRunner(), request(trial, config, fidelity, data),
                        fidelity.epochsFor(config), devices.forEngine());
            }
            // The program owns its configuration: passed through as suggested, epochs known only from the fidelity.
            case Workload.COMMAND -> new TrialPlan(Workload.COMMAND, new CommandTrialRunner(workload.command(),
                    settings.commandWorkDir(), settings.commandTimeout(), java.util.Set.copyOf(study.metrics())),
                    request(trial, commandConfig(trial), fidelity, data),
                    fidelity.epochs() == null ? 0 : fidelity.epochs(), devices.forCommand());
            default -> throw TrainerException.invalidConfig("workload.backend must be 'dsnn' or 'command', got '"
                    + workload.backend() + "'", null);
        };
    }

    private TrialRequest request(TrialSuggested trial, Hyperparameters config, Fidelity fidelity, DataSource data) {
        try {
            return new TrialRequest(trial.trialId(), config, fidelity, trial.seed(), data, settings.evaluateTest(),
                    settings.modelsDir() == null ? null
                            : settings.modelsDir().resolve(trial.trialId() + "-a" + trial.attempt()));
        } catch (IllegalArgumentException e) {
            throw TrainerException.invalidConfig(e.getMessage(), e);
        }
    }

    private static TrialConfig dsnnConfig(TrialSuggested trial) {
        try {
            return TrialConfig.fromMap(trial.config());
        } catch (IllegalArgumentException e) {
            throw TrainerException.invalidConfig("config: " + e.getMessage(), e);
        }
    }

    private static CommandConfig commandConfig(TrialSuggested trial) {
        try {
            return new CommandConfig(trial.config());
        } catch (IllegalArgumentException e) {
            throw TrainerException.invalidConfig("config: " + e.getMessage(), e);
        }
    }

    private static Fidelity fidelity(Knob knob, double value) {
        try {
            return Fidelity.of(knob.json(), value);
        } catch (IllegalArgumentException e) {
            throw TrainerException.invalidConfig("fidelity: " + e.getMessage(), e);
        }
    }

    private DataSource data(Workload workload) {
        return switch (workload.dataset()) {
            // The study may size its synthetic set (workload.options); the trainer's settings are the default.
            case "synthetic" -> new DataSource.Synthetic(
                    option(workload, "syntheticTrainImages", settings.syntheticTrainImages(), 20),
                    option(workload, "syntheticTestImages", settings.syntheticTestImages(), 1),
                    syntheticImageSize(workload), SYNTHETIC_DATA_SEED);
            case "cifar10" -> {
                Path root = settings.cifar10Dir() != null ? settings.cifar10Dir()
                        : workload.datasetPath() == null ? null : Path.of(workload.datasetPath());
                if (root == null) {
                    throw new TrainerException(TrainerException.Kind.DATA, "dataset cifar10 needs a folder: set "
                            + "greenband.trainer.data.cifar10-dir on the trainer or workload.datasetPath in the study", null);
                }
                yield new DataSource.Cifar10(root, settings.download());
            }
            default -> throw TrainerException.invalidConfig("workload.dataset must be 'synthetic' or 'cifar10', got '"
                    + workload.dataset() + "'", null);
        };
    }

    private int syntheticImageSize(Workload workload) {
        int size = option(workload, "syntheticImageSize", settings.syntheticImageSize(), 4);
        if (size % 4 != 0) {
            throw TrainerException.invalidConfig("workload.options.syntheticImageSize must be a multiple of 4, got "
                    + size, null);
        }
        return size;
    }

    /** An integer workload option, at least {@code min}, or the fallback when the study does not set it. */
    private static int option(Workload workload, String name, int fallback, int min) {
        String text = workload.options().get(name);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw TrainerException.invalidConfig("workload.options." + name + " must be an integer, got '" + text
                    + "'", e);
        }
        if (value < min) {
            throw TrainerException.invalidConfig("workload.options." + name + " must be at least " + min + ", got "
                    + value, null);
        }
        return value;
    }
}
