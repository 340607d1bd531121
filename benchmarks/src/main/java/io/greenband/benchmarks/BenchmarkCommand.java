package io.greenband.benchmarks;

import io.greenband.benchmarks.aggregator.AggregatorBenchmark;
import io.greenband.benchmarks.attribution.AttributionBenchmark;
import io.greenband.benchmarks.monitor.MonitorBenchmark;
import io.greenband.benchmarks.paper.PaperBenchmark;
import io.greenband.benchmarks.suggester.SuggesterBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code greenband-benchmarks.jar}: a dispatcher to one picocli subcommand per
 * benchmark, each in its own class, each printing a table and writing JSON with {@code --json
 * FILE}.
 */
@Command(
        name = "greenband-benchmarks",
        mixinStandardHelpOptions = true,
        description =
                "Runs one benchmark: java -jar greenband-benchmarks.jar <benchmark> [--quick] [--json FILE]",
        subcommands = {
            SuggesterBenchmark.class,
            TrainerBenchmark.class,
            MonitorBenchmark.class,
            AggregatorBenchmark.class,
            AttributionBenchmark.class,
            PaperBenchmark.class,
        })
public final class BenchmarkCommand implements Runnable {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    /** Without a benchmark name: the usage, as an error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
    }
}
