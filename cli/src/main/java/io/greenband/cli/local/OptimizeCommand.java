package io.greenband.cli.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenband.cli.CliException;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.study.StudyDefinitionException;
import io.greenband.events.study.StudyReader;
import io.greenband.events.study.StudyWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenband optimize --command PROGRAM --space SPACE}: a study whose trials run any program
 * through the trainer's command backend (the program reads the configuration as JSON and prints
 * metrics as JSON lines). The study names the program; the program itself is registered for this
 * run's trainer only ({@link ProgramFile}). The study is built here and then run as {@code local}
 * would; {@code --write FILE} only writes it and its registry as YAML.
 */
@Command(
        name = "optimize",
        mixinStandardHelpOptions = true,
        description =
                "Optimize any program's hyperparameters: build a command-backend study and run it locally.")
public final class OptimizeCommand implements Callable<Integer> {

    @Option(
            names = "--command",
            required = true,
            paramLabel = "PROGRAM",
            description = "The program to run per trial; arguments may follow after `--`.")
    String program;

    @Parameters(paramLabel = "ARG", arity = "0..*", description = "Arguments of the program.")
    List<String> args = new ArrayList<>();

    @Option(
            names = "--space",
            required = true,
            paramLabel = "FILE",
            description = "ConfigSpace JSON/YAML file, or dsnn-table1.")
    String space;

    @Option(
            names = "--study-id",
            paramLabel = "ID",
            description = "Study id (default: optimize-<program name>).")
    String studyId;

    @Option(
            names = "--objective",
            paramLabel = "NAME[:DIRECTION[:SOURCE]]",
            description = {
                "An objective, repeatable; source defaults to metric:NAME, direction to minimize.",
                "Default: loss:minimize:metric:loss and emissions_g:minimize:energy:emissions_g."
            })
    List<String> objectives = new ArrayList<>();

    @Option(
            names = "--fidelity",
            defaultValue = "epochs:1:9",
            paramLabel = "KNOB:MIN:MAX",
            description = "Fidelity knob and range (default ${DEFAULT-VALUE}).")
    String fidelity;

    @Option(
            names = "--eta",
            defaultValue = "3",
            description = "Hyperband reduction factor (default ${DEFAULT-VALUE}).")
    int eta;

    @Option(
            names = "--max-trials",
            paramLabel = "N",
            description =
                    "Trial budget: each (configuration, fidelity) run counts (default 20 unless --fidelity-budget is given).")
    Integer maxTrials;

    @Option(
            names = "--fidelity-budget",
            paramLabel = "F",
            description = {
                "Total fidelity budget: the sum of the fidelity values of all trials, in units of the knob.",
                "E.g. with --fidelity epochs:1:27, 540 = 540 epochs = the cost of 20 trials at the maximum fidelity."
            })
    Double fidelityBudget;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description = {
                "Optimizer preset (default ${DEFAULT-VALUE}: every trial at the maximum fidelity, Gaussian-process "
                        + "model on continuous spaces from 10 to 200 results, multi-objective TPE otherwise; best at "
                        + "10-100 full-fidelity evaluations in the suggester benchmark), full-motpe (multi-objective TPE "
                        + "throughout), full-parego-gp (the process with the random forest instead of TPE), full-parego-rf "
                        + "(the forest throughout), hyperband-parego-rf (SMAC-style Hyperband), asha-nsga2-rf, "
                        + "hyperband-random, random."
            },
            defaultValue = "full-gp-motpe")
    String preset;

    @Option(
            names = "--initial-design",
            paramLabel = "N",
            description =
                    "Random configurations before the model proposes any (default: the preset's rule).")
    Integer initialDesign;

    @Option(
            names = "--parallelism",
            defaultValue = "1",
            description = "Trials in flight (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "Study seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--write",
            paramLabel = "FILE",
            description = "Write the study as YAML to FILE and stop.")
    Path write;

    @Mixin LocalOptions options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        StudyDefined study = build();
        if (write != null) {
            for (String w : io.greenband.events.study.StudyWarnings.of(study)) {
                spec.commandLine().getErr().println("warning: " + w);
            }
            spec.commandLine().getErr().flush();
            try {
                Files.writeString(write, StudyWriter.toYaml(study), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.failed("cannot write '" + write + "': " + e.getMessage(), e);
            }
            Path programs =
                    ProgramFile.write(
                            programsFileNextTo(write), study.workload().program(), argv());
            spec.commandLine()
                    .getOut()
                    .println(
                            "wrote study "
                                    + study.studyId()
                                    + " to "
                                    + write
                                    + " and its program "
                                    + "registry to "
                                    + programs
                                    + "; run it with: greenband local "
                                    + write
                                    + " --programs "
                                    + programs);
            spec.commandLine().getOut().flush();
            return 0;
        }
        // The program is registered for this run's trainer only; the study just names it.
        Path programs =
                ProgramFile.write(
                        options.dataDir(study.studyId()).resolve("programs.yaml"),
                        study.workload().program(),
                        argv());
        return new LocalRunner(options, spec.commandLine().getOut()).run(study, programs);
    }

    /** {@code study.yaml} → {@code study.programs.yaml} beside it. */
    static Path programsFileNextTo(Path studyFile) {
        String name = studyFile.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return studyFile.resolveSibling(stem + ".programs.yaml");
    }

    /**
     * The program and its arguments as registered: an argument naming an existing file or folder
     * relative to here becomes absolute, so it means the same to the trainer whatever its working
     * folder.
     */
    List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        for (String arg : args) {
            Path path = arg.startsWith("-") ? null : Path.of(arg);
            argv.add(
                    path != null && !path.isAbsolute() && Files.exists(path)
                            ? path.toAbsolutePath().normalize().toString()
                            : arg);
        }
        return argv;
    }

    private static String kindOf(String preset) {
        return switch (preset) {
            case "asha-nsga2-rf" -> "asha";
            case "random" -> "random";
            default -> "hyperband";
        };
    }

    /** The study, through the same reader as study files so defaults and messages are the same. */
    StudyDefined build() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("studyId", studyId != null ? studyId : "optimize-" + ProgramFile.nameOf(program));
        if (space.equals("dsnn-table1")) {
            root.put("space", space);
        } else {
            Path file = Path.of(space).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw CliException.notFound("space file '" + space + "' does not exist");
            }
            root.putObject("space").put("file", file.toString());
        }
        ArrayNode objs = root.putArray("objectives");
        List<String> specs =
                objectives.isEmpty()
                        ? List.of(
                                "loss:minimize:metric:loss",
                                "emissions_g:minimize:energy:emissions_g")
                        : objectives;
        for (String o : specs) {
            String[] parts = o.split(":", 3);
            ObjectNode obj = objs.addObject().put("name", parts[0]);
            obj.put("direction", parts.length > 1 ? parts[1] : "minimize");
            obj.put("source", parts.length > 2 ? parts[2] : "metric:" + parts[0]);
        }
        String[] fid = fidelity.split(":");
        if (fid.length != 3) {
            throw CliException.invalidStudy(
                    "--fidelity must be KNOB:MIN:MAX (e.g. epochs:1:9), got '" + fidelity + "'",
                    null);
        }
        ObjectNode fn = root.putObject("fidelity").put("knob", fid[0]).put("eta", eta);
        try {
            fn.put("min", Double.parseDouble(fid[1])).put("max", Double.parseDouble(fid[2]));
        } catch (NumberFormatException e) {
            throw CliException.invalidStudy(
                    "--fidelity MIN and MAX must be numbers, got '" + fidelity + "'", e);
        }
        ObjectNode scheduler =
                root.putObject("scheduler")
                        .put("kind", kindOf(preset))
                        .put("ranking", "parego")
                        .put("parallelism", parallelism);
        scheduler.put("preset", preset);
        if (initialDesign != null) {
            scheduler.put("initialDesign", initialDesign);
        }
        ObjectNode budget = root.putObject("budget");
        if (maxTrials != null || fidelityBudget == null) {
            budget.put("maxTrials", maxTrials != null ? maxTrials : 20);
        }
        if (fidelityBudget != null) {
            budget.put("totalFidelityBudget", fidelityBudget);
        }
        root.put("seed", seed);
        root.putObject("workload")
                .put("backend", "command")
                .put("program", ProgramFile.nameOf(program));
        try {
            return StudyReader.read(
                    root.toString(), "optimize options", Path.of("").toAbsolutePath());
        } catch (StudyDefinitionException e) {
            throw CliException.invalidStudy(e.getMessage(), e);
        }
    }
}
