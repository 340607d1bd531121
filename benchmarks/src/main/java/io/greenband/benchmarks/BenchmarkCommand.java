package io.greenband.benchmarks;

import io.greenband.benchmarks.suggester.SuggesterBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code greenband-benchmarks.jar}: dispatches to one benchmark subcommand per class. */
@Command(name = "greenband-benchmarks", mixinStandardHelpOptions = true,
        description = "Quality and speed benchmarks; each subcommand prints a table and can write JSON.",
        subcommands = {
            SuggesterBenchmark.class,
        })
public final class BenchmarkCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
    }
}
