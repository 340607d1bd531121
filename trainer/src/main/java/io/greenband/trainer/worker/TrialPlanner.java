package io.greenband.trainer.worker;

import io.greenband.datasets.DatasetNames;
import io.greenband.datasets.MnistLayout;
import io.greenband.events.payload.Fidelity.Knob;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.payload.Workload;
import io.greenband.trainer.data.Augmentation;
import io.greenband.trainer.data.Holdout;
import io.greenband.trainer.runner.CommandConfig;
import io.greenband.trainer.runner.CommandTrialRunner;
import io.greenband.trainer.runner.DataSource;
import io.greenband.trainer.runner.DjlTrialRunner;
import io.greenband.trainer.runner.Fidelity;
import io.greenband.trainer.runner.Hyperparameters;
import io.greenband.trainer.runner.Program;
import io.greenband.trainer.runner.ProgramRegistry;
import io.greenband.trainer.runner.TrainerException;
import io.greenband.trainer.runner.TrialConfig;
import io.greenband.trainer.runner.TrialRequest;
import java.nio.file.Path;

/**
 * Turns a suggestion and its study into a {@link TrialPlan}: the backend the study's workload names
 * (the DJL DSNN by default, otherwise a program registered on this trainer, which the study names),
 * its data (synthetic by default, CIFAR-10 from a folder), the configuration (parsed strictly for
 * the DSNN, passed through as suggested for a program) and the fidelity under the study's knob.
 * Anything malformed, an unknown program or a study carrying its own command is an INVALID_CONFIG
 * or DATA {@link TrainerException} whose message names the field.
 */
public final class TrialPlanner {

    /**
     * Seed of the synthetic data set: the data stays the same across trials, only the trial seed
     * varies.
     */
    public static final long SYNTHETIC_DATA_SEED = 2026L;

    private final WorkerSettings settings;
    private final DeviceInventory devices;
    private final ProgramRegistry programs;

    /** A planner for this trainer's settings and devices, with no programs registered. */
    public TrialPlanner(WorkerSettings settings, DeviceInventory devices) {
        this(settings, devices, ProgramRegistry.empty());
    }

    /** A planner for this trainer's settings, devices and the programs registered on it. */
    public TrialPlanner(
            WorkerSettings settings, DeviceInventory devices, ProgramRegistry programs) {
        this.settings = settings;
        this.devices = devices;
        this.programs = programs;
    }

    /** The plan, or a TrainerException saying what is wrong with the trial or its study. */
    public TrialPlan plan(TrialSuggested trial, StudyEntry study) {
        if (study == null || !study.defined()) {
            throw TrainerException.invalidConfig(
                    "study '"
                            + trial.studyId()
                            + "' is not defined on the studies "
                            + "topic; the trainer needs its workload and fidelity knob",
                    null);
        }
        if (study.stopped()) {
            throw TrainerException.invalidConfig(
                    "study '"
                            + trial.studyId()
                            + "' was stopped before the trial "
                            + "started: "
                            + study.stopReason(),
                    null);
        }
        Workload workload = study.workload();
        Fidelity fidelity = fidelity(study.knob(), trial.fidelity());
        DataSource data = data(workload);
        boolean evaluateTest = settings.evaluateTest() || flag(workload, "evaluateTest");
        return switch (workload.backend()) {
            case Workload.DSNN -> {
                TrialConfig config = dsnnConfig(trial);
                yield new TrialPlan(
                        Workload.DSNN,
                        new DjlTrialRunner(),
                        request(trial, config, fidelity, data, evaluateTest),
                        fidelity.epochsFor(config),
                        devices.forEngine());
            }
            // The program owns its configuration: passed through as suggested, epochs known only
            // from the fidelity.
            case Workload.COMMAND ->
                    new TrialPlan(
                            Workload.COMMAND,
                            new CommandTrialRunner(
                                    program(workload),
                                    settings.commandWorkDir(),
                                    java.util.Set.copyOf(study.metrics())),
                            request(trial, commandConfig(trial), fidelity, data, evaluateTest),
                            fidelity.epochs() == null ? 0 : fidelity.epochs(),
                            devices.forCommand());
            default ->
                    throw TrainerException.invalidConfig(
                            "workload.backend must be 'dsnn' or 'command', got '"
                                    + workload.backend()
                                    + "'",
                            null);
        };
    }

    /** The registered program the study names; a study's own command never runs. */
    private Program program(Workload workload) {
        if (workload.carriesCommand()) {
            throw TrainerException.invalidConfig(
                    Workload.COMMAND_REFUSED + "; known programs: " + programs.names(), null);
        }
        return programs.find(workload.program());
    }

    private TrialRequest request(
            TrialSuggested trial,
            Hyperparameters config,
            Fidelity fidelity,
            DataSource data,
            boolean evaluateTest) {
        try {
            return new TrialRequest(
                    trial.trialId(),
                    config,
                    fidelity,
                    trial.seed(),
                    data,
                    evaluateTest,
                    settings.modelsDir() == null
                            ? null
                            : settings.modelsDir()
                                    .resolve(trial.trialId() + "-a" + trial.attempt()));
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
            // The study may size its synthetic set (workload.options); the trainer's settings are
            // the default.
            case DatasetNames.SYNTHETIC ->
                    new DataSource.Synthetic(
                            option(
                                    workload,
                                    "syntheticTrainImages",
                                    settings.syntheticTrainImages(),
                                    20),
                            option(
                                    workload,
                                    "syntheticTestImages",
                                    settings.syntheticTestImages(),
                                    1),
                            syntheticImageSize(workload),
                            SYNTHETIC_DATA_SEED);
            case DatasetNames.CIFAR10 -> {
                Path root =
                        settings.cifar10Dir() != null
                                ? settings.cifar10Dir()
                                : workload.datasetPath() == null
                                        ? null
                                        : Path.of(workload.datasetPath());
                if (root == null) {
                    throw new TrainerException(
                            TrainerException.Kind.DATA,
                            "dataset cifar10 needs a folder: set "
                                    + "greenband.trainer.data.cifar10-dir on the trainer or workload.datasetPath in the study",
                            null);
                }
                yield new DataSource.Cifar10(
                        root,
                        settings.download(),
                        holdout(workload),
                        option(workload, "trainImages", 0, 0),
                        option(workload, "testImages", 0, 0));
            }
            // Debian's dataset-fashion-mnist package by default, or the study's folder in the same
            // layout
            case DatasetNames.FASHION_MNIST ->
                    new DataSource.Idx(
                            DatasetNames.FASHION_MNIST,
                            workload.datasetPath() == null
                                    ? MnistLayout.FASHION_MNIST_DEBIAN
                                    : Path.of(workload.datasetPath()),
                            holdout(workload),
                            option(workload, "trainImages", 0, 0),
                            option(workload, "testImages", 0, 0),
                            augmentation(workload));
            case DatasetNames.IDX -> {
                if (workload.datasetPath() == null) {
                    throw new TrainerException(
                            TrainerException.Kind.DATA,
                            "dataset idx needs a folder in the MNIST "
                                    + "layout: set workload.datasetPath in the study",
                            null);
                }
                yield new DataSource.Idx(
                        DatasetNames.IDX,
                        Path.of(workload.datasetPath()),
                        holdout(workload),
                        option(workload, "trainImages", 0, 0),
                        option(workload, "testImages", 0, 0),
                        augmentation(workload));
            }
            default ->
                    throw TrainerException.invalidConfig(
                            "workload.dataset must be one of "
                                    + DatasetNames.ALL
                                    + ", got '"
                                    + workload.dataset()
                                    + "'",
                            null);
        };
    }

    /**
     * Default none: short search trials learn faster without; long runs may ask for crop or
     * flip-crop.
     */
    private static Augmentation augmentation(Workload workload) {
        String text = workload.options().getOrDefault("augmentation", "none");
        try {
            return DataSource.Idx.augmentation(text.strip());
        } catch (IllegalArgumentException e) {
            throw TrainerException.invalidConfig("workload.options." + e.getMessage(), e);
        }
    }

    private static Holdout holdout(Workload workload) {
        String text = workload.options().get("validation");
        try {
            return text == null ? Holdout.DEFAULT : Holdout.parse(text);
        } catch (IllegalArgumentException e) {
            throw TrainerException.invalidConfig("workload.options." + e.getMessage(), e);
        }
    }

    private static boolean flag(Workload workload, String name) {
        String text = workload.options().get(name);
        if (text == null || text.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (text.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw TrainerException.invalidConfig(
                "workload.options." + name + " must be true or false, got '" + text + "'", null);
    }

    private int syntheticImageSize(Workload workload) {
        int size = option(workload, "syntheticImageSize", settings.syntheticImageSize(), 4);
        if (size % 4 != 0) {
            throw TrainerException.invalidConfig(
                    "workload.options.syntheticImageSize must be a multiple of 4, got " + size,
                    null);
        }
        return size;
    }

    /**
     * An integer workload option, at least {@code min}, or the fallback when the study does not set
     * it.
     */
    private static int option(Workload workload, String name, int fallback, int min) {
        String text = workload.options().get(name);
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw TrainerException.invalidConfig(
                    "workload.options." + name + " must be an integer, got '" + text + "'", e);
        }
        if (value < min) {
            throw TrainerException.invalidConfig(
                    "workload.options." + name + " must be at least " + min + ", got " + value,
                    null);
        }
        return value;
    }
}
