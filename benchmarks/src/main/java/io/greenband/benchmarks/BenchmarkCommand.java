package io.greenband.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code greenband-benchmarks.jar}: a dispatcher to one class per benchmark, each a picocli
 * subcommand that prints its table (and writes JSON with {@code --json FILE}).
 */
@Command(name = "greenband-benchmarks", mixinStandardHelpOptions = true,
        description = "Runs one greenband benchmark and prints its table.",
        subcommands = {TrainerBenchmark.class})
public final class BenchmarkCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark, e.g. trainer");
    }
}
