package io.greenband.cli.train;

import io.greenband.cli.CliException;
import io.greenband.datasets.DatasetNames;
import io.greenband.datasets.MnistLayout;
import io.greenband.energy.estimate.ProcessEnergyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenband train CONFIG.json}: one configuration at one fidelity (e.g. the paper's default
 * DSNN, or the float network at shift depth 0) trained by the trainer's planner and runner, with
 * its validation and test accuracy, energy and emissions.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Train one configuration at one fidelity (CONFIG.json); print accuracy, test accuracy, energy "
                        + "and emissions.")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "CONFIG.json",
            description = "The configuration, fidelity, seed and data.")
    Path file;

    @Option(names = "--seed", description = "Training seed (default: the file's, else 1).")
    Long seed;

    @Mixin TrainerOptions options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        FixedRun run = read(file);
        if (seed != null) {
            run = run.withSeed(seed);
        }
        checkData(run);
        ChildResult result = options.trainer().train(run, true);
        if (!result.succeeded()) {
            // The trainer's parser refused the configuration: a wrong file (exit 3), not a failed
            // run.
            if (String.valueOf(result.error()).startsWith("INVALID_CONFIG")) {
                throw CliException.invalidStudy(file + ": " + result.error(), null);
            }
            throw CliException.failed("training failed: " + result.error(), null);
        }
        Map<String, Object> out = summary(run, result, ProcessEnergyModel.ofThisMachine());
        var writer = spec.commandLine().getOut();
        if (options.json()) {
            TrainerOptions.printJson(writer, out);
        } else {
            writer.println(
                    String.format(
                            Locale.ROOT,
                            "%s %s, seed %d, %s: val_accuracy %.4f, test_accuracy %.4f, "
                                    + "%.1f J, %.5f g CO2e (%.1f CPU-s, %.1f s)",
                            run.knob().json(),
                            number(run.fidelity()),
                            run.seed(),
                            run.dataset(),
                            result.metric("val_accuracy"),
                            result.metric("test_accuracy"),
                            (double) out.get("joules"),
                            (double) out.get("emissions_g"),
                            result.cpuSeconds(),
                            result.wallSeconds()));
        }
        writer.flush();
        return 0;
    }

    /**
     * Reads and checks CONFIG.json: exit 5 when it is absent, 3 when it is wrong (the message names
     * the field).
     */
    public static FixedRun read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw CliException.notFound("configuration file " + file + " does not exist");
        }
        try {
            if (Files.size(file) > FixedRun.MAX_BYTES) {
                throw CliException.invalidStudy(
                        file + ": larger than " + FixedRun.MAX_BYTES + " bytes", null);
            }
            return FixedRun.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw CliException.invalidStudy(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw CliException.notFound("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The data set's files must be on this machine (exit 5 naming what is missing). */
    static void checkData(FixedRun run) {
        switch (run.dataset()) {
            case DatasetNames.FASHION_MNIST, DatasetNames.IDX -> {
                if (run.datasetPath() == null && run.dataset().equals(DatasetNames.IDX)) {
                    throw CliException.notFound(
                            "dataset idx needs workload.datasetPath (a folder in the MNIST layout)");
                }
                Path dir =
                        run.datasetPath() == null
                                ? MnistLayout.FASHION_MNIST_DEBIAN
                                : Path.of(run.datasetPath());
                List<String> missing = MnistLayout.missing(dir);
                if (!missing.isEmpty()) {
                    throw CliException.notFound(
                            run.dataset()
                                    + " is not in "
                                    + dir.toAbsolutePath()
                                    + " (missing "
                                    + String.join(", ", missing)
                                    + ")"
                                    + (run.datasetPath() == null
                                            ? "; install it with "
                                                    + "'apt-get install "
                                                    + MnistLayout.FASHION_MNIST_PACKAGE
                                                    + "'"
                                            : ""));
                }
            }
            case DatasetNames.CIFAR10 -> {
                if (run.datasetPath() == null || !Files.isDirectory(Path.of(run.datasetPath()))) {
                    throw CliException.notFound(
                            "dataset cifar10 needs workload.datasetPath naming an existing folder "
                                    + "(greenband dataset download cifar10)");
                }
            }
            default -> {}
        }
    }

    /** The printed figures: metrics, CPU and wall time, joules and emissions. */
    static Map<String, Object> summary(
            FixedRun run, ChildResult result, ProcessEnergyModel energy) {
        double joules =
                energy.joules(result.cpuSeconds(), result.wallSeconds(), result.residentBytes());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("config", run.config());
        out.put("fidelity", Map.of(run.knob().json(), run.fidelity()));
        out.put("seed", run.seed());
        out.put("dataset", run.dataset());
        out.put("metrics", new java.util.TreeMap<>(result.metrics()));
        out.put("cpu_seconds", result.cpuSeconds());
        out.put("wall_seconds", result.wallSeconds());
        out.put("joules", joules);
        out.put("emissions_g", ProcessEnergyModel.grams(joules, run.intensityGPerKwh()));
        out.put(
                "energy_basis",
                "CPU_TIME+RSS estimated ("
                        + String.format(Locale.ROOT, "%.2f", energy.joulesPerCpuSecond())
                        + " J per CPU-second, TDP "
                        + energy.tdp().basis()
                        + ")");
        return out;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
