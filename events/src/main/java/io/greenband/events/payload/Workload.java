package io.greenband.events.payload;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a trainer trains: the backend ({@code dsnn}: the built-in DJL deep-shift ResNet20; {@code
 * command}: a program registered on the trainers, named by {@code program}, reading the
 * configuration as JSON and printing metrics as JSON lines) and the data set. A study names a
 * program; it never carries one: the argv, working folder, environment and time limit are the
 * trainer's configuration.
 *
 * @param backend {@code dsnn} (default) or {@code command}
 * @param dataset {@code synthetic} (default), {@code cifar10}, {@code fashion-mnist} or {@code idx}
 * @param datasetPath where the data set lives (required for {@code idx}; {@code fashion-mnist}
 *     defaults to Debian's folder)
 * @param command no longer accepted: kept so that studies already in the log still decode, and are
 *     refused by study validation and by the trainer with a message naming {@code program}
 * @param program the name of a program registered on the trainers, required for the {@code command}
 *     backend
 * @param options further backend options
 */
public record Workload(
        String backend,
        String dataset,
        String datasetPath,
        List<String> command,
        String program,
        Map<String, String> options) {

    /** The built-in DSNN backend. */
    public static final String DSNN = "dsnn";

    /** The backend that runs a program registered on the trainer. */
    public static final String COMMAND = "command";

    /** What a program name may look like: a short identifier, never a path or shell text. */
    public static final Pattern PROGRAM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The message of a study that still carries {@code workload.command}. */
    public static final String COMMAND_REFUSED =
            "workload.command is not accepted: trainers run only programs "
                    + "registered in their own configuration; name one with workload.program (greenband optimize and "
                    + "greenband local --programs register yours)";

    public Workload {
        backend = backend == null ? DSNN : FieldChecks.text(backend, "backend");
        dataset = dataset == null ? "synthetic" : FieldChecks.text(dataset, "dataset");
        command = FieldChecks.list(command, "command");
        options = FieldChecks.labels(options, "options");
        if (!backend.equals(DSNN) && !backend.equals(COMMAND)) {
            throw new InvalidFieldException(
                    "backend", "backend must be 'dsnn' or 'command', got '" + backend + "'");
        }
        if (program != null && !PROGRAM_NAME.matcher(program).matches()) {
            throw new InvalidFieldException(
                    "program",
                    "program must be a registered program's name (letters, digits,"
                            + " '.', '_', '-'; at most 64), got '"
                            + program
                            + "'");
        }
        if (backend.equals(COMMAND) && program == null && command.isEmpty()) {
            throw new InvalidFieldException(
                    "program",
                    "program is required for backend 'command' (the name of a "
                            + "program registered on the trainers)");
        }
    }

    /** A workload without a program, as written before programs were registered on trainers. */
    public Workload(
            String backend,
            String dataset,
            String datasetPath,
            List<String> command,
            Map<String, String> options) {
        this(backend, dataset, datasetPath, command, null, options);
    }

    /** The DSNN backend on synthetic data. */
    public static Workload defaults() {
        return new Workload(null, null, null, null, null, null);
    }

    /**
     * A command-backend workload running the registered program {@code name} on {@code dataset}.
     */
    public static Workload program(String name, String dataset) {
        return new Workload(COMMAND, dataset, null, null, name, null);
    }

    /** Whether this workload still carries a command of its own (refused everywhere). */
    public boolean carriesCommand() {
        return !command.isEmpty();
    }
}
