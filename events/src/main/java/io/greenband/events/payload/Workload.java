package io.greenband.events.payload;

import java.util.List;
import java.util.Map;

/**
 * What a trainer trains: the backend ({@code dsnn}: the built-in DJL deep-shift ResNet20; {@code command}: a
 * user program reading the configuration as JSON and printing metrics as JSON lines) and the data set.
 *
 * @param backend     {@code dsnn} (default) or {@code command}
 * @param dataset     {@code synthetic} (default), {@code cifar10}, {@code fashion-mnist} or {@code idx}
 * @param datasetPath where the data set lives (required for {@code idx}; {@code fashion-mnist} defaults to Debian's folder)
 * @param command     the program and its arguments, required for the {@code command} backend
 * @param options     further backend options
 */
public record Workload(String backend, String dataset, String datasetPath, List<String> command,
                       Map<String, String> options) {

    /** The built-in DSNN backend. */
    public static final String DSNN = "dsnn";
    /** The bring-your-own-program backend. */
    public static final String COMMAND = "command";

    public Workload {
        backend = backend == null ? DSNN : FieldChecks.text(backend, "backend");
        dataset = dataset == null ? "synthetic" : FieldChecks.text(dataset, "dataset");
        command = FieldChecks.list(command, "command");
        options = FieldChecks.labels(options, "options");
        if (!backend.equals(DSNN) && !backend.equals(COMMAND)) {
            throw new InvalidFieldException("backend", "backend must be 'dsnn' or 'command', got '" + backend + "'");
        }
        if (backend.equals(COMMAND) && command.isEmpty()) {
            throw new InvalidFieldException("command", "command is required for backend 'command' (program and arguments)");
        }
    }

    /** The DSNN backend on synthetic data. */
    public static Workload defaults() {
        return new Workload(null, null, null, null, null);
    }
}
