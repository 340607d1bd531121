package io.greenband.benchmarks;

import io.greenband.benchmarks.aggregator.AggregatorBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code greenband-benchmarks.jar}: a dispatcher to one subcommand per benchmark, each in its own
 * class ({@code java -jar greenband-benchmarks.jar <benchmark> [--quick] [--json FILE]}).
 */
@Command(name = "greenband-benchmarks", mixinStandardHelpOptions = true,
        description = "Runs one greenband benchmark and prints its table.",
        subcommands = {AggregatorBenchmark.class})
public final class BenchmarkCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
    }
}
