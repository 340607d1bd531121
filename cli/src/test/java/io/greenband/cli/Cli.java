package io.greenband.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the command in-process and keeps what it printed: how every test of this module runs {@code
 * greenband}.
 */
public record Cli(int exitCode, String out, String err) {

    /** Runs {@code greenband args} and returns its exit code and output. */
    public static Cli run(String... args) {
        return run(new StringWriter(), args);
    }

    /**
     * The same, writing standard output to {@code out} as it goes, so a test can follow a long run.
     */
    public static Cli run(StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = GreenbandCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
