package io.greenband.cli;

import io.greenband.embedded.EmbeddedStackException;
import io.greenband.events.payload.InvalidFieldException;
import io.greenband.events.study.StudyDefinitionException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns any exception escaping a command into one line on stderr and an exit code, so users never
 * see a bare stack trace; {@code --verbose} prints the trace as well.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        CliException e = translate(ex, bootstrapServers(cmd));
        err.println(cmd.getColorScheme().errorText("greenband: " + e.getMessage()));
        if (GreenbandCommand.verbose(parseResult)) {
            ex.printStackTrace(err);
        } else if (e.kind() == CliException.Kind.FAILED) {
            err.println("(run with --verbose for the details)");
        }
        err.flush();
        return e.kind().exitCode();
    }

    /** The boundary exception for anything a command may throw. */
    static CliException translate(Throwable ex) {
        return translate(ex, null);
    }

    /**
     * As {@link #translate(Throwable)}; a Kafka client failure is explained with {@code servers}.
     */
    static CliException translate(Throwable ex, String servers) {
        if (ex instanceof CliException c) {
            return c;
        }
        if (servers != null && BrokerTrouble.isKafkaFailure(ex)) {
            return BrokerTrouble.unreachable(servers, ex);
        }
        if (ex instanceof StudyDefinitionException s) {
            return CliException.invalidStudy(s.getMessage(), s);
        }
        if (ex instanceof EmbeddedStackException s) {
            return CliException.stack(s.getMessage(), s);
        }
        if (ex instanceof InvalidFieldException f) {
            return CliException.invalidStudy(f.getMessage(), f);
        }
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return CliException.failed(msg, ex);
    }

    /** The command's {@code --bootstrap-servers} (given or defaulted), or null when it has none. */
    private static String bootstrapServers(CommandLine cmd) {
        var option = cmd.getCommandSpec().findOption("--bootstrap-servers");
        return option == null ? null : option.getValue();
    }
}
