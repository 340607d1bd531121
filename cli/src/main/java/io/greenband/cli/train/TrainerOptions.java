package io.greenband.cli.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greenband.cli.local.LocalOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options {@code train} and {@code evaluate} share, as a picocli mixin: where the built trainer is,
 * and whether the result is printed as JSON.
 */
public final class TrainerOptions {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description =
                    "The project folder holding the built trainer (default: GREENBAND_HOME or the current folder).")
    Path home;

    /** Whether {@code --json} was given. */
    public boolean json() {
        return json;
    }

    /**
     * A launcher for the trainer built under {@code --home}; refuses (exit 5) when it is not built.
     */
    public TrainerJvm trainer() {
        return new TrainerJvm(LocalOptions.homeOr(home));
    }

    /** Prints {@code document} as indented JSON and flushes. */
    public static void printJson(PrintWriter out, Object document) throws JsonProcessingException {
        out.println(JSON.writeValueAsString(document));
        out.flush();
    }
}
