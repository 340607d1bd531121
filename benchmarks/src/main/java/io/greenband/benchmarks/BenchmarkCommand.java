package io.greenband.benchmarks;

/** Entry point of {@code greenband-benchmarks.jar}: runs one named benchmark and prints its table. */
public final class BenchmarkCommand {
    private BenchmarkCommand() {}

    public static void main(String[] args) {
        System.err.println("usage: java -jar greenband-benchmarks.jar <benchmark> [--quick] [--json FILE]");
        System.exit(2);
    }
}
