package io.greenband.cli;

import io.greenband.cli.dataset.DatasetCommand;
import io.greenband.cli.front.FrontCommand;
import io.greenband.cli.local.LocalCommand;
import io.greenband.cli.local.OptimizeCommand;
import io.greenband.cli.local.Service;
import io.greenband.cli.log.ExportCommand;
import io.greenband.cli.log.ImportCommand;
import io.greenband.cli.producer.ProducerCommand;
import io.greenband.cli.replay.ReplayCommand;
import io.greenband.cli.study.StudyCommand;
import io.greenband.cli.train.EvaluateCommand;
import io.greenband.cli.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code greenband} command: subcommands for local runs, study management, fronts and the event
 * log.
 */
@Command(
        name = "greenband",
        mixinStandardHelpOptions = true,
        version = "greenband 0.1.0",
        description = "Green multi-fidelity, multi-objective hyperparameter optimization on Kafka.",
        subcommands = {
            LocalCommand.class,
            StudyCommand.class,
            FrontCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            ReplayCommand.class,
            OptimizeCommand.class,
            ProducerCommand.class,
            DatasetCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failed while running",
            "2:bad command line",
            "3:invalid study file",
            "4:study exists with another definition",
            "5:not found (study, file, artifact, data set)",
            "6:Kafka/MongoDB unreachable or port in use",
            "7:a service failed to start or died",
            "130:interrupted"
        })
public final class GreenbandCommand {

    @Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with error messages.")
    boolean verbose;

    /** Builds the command line with the error handler that prints one-line messages. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GreenbandCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(Service.class, Service::fromName);
        return cl;
    }

    /** Runs the command and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static boolean verbose(CommandLine.ParseResult parseResult) {
        return parseResult != null
                && (parseResult.hasMatchedOption("--verbose")
                        || parseResult.subcommands().stream().anyMatch(GreenbandCommand::verbose));
    }
}
