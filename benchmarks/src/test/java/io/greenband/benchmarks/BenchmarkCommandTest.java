package io.greenband.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchmarkCommandTest {

    @Test
    void dispatchesTheMonitorBenchmark() {
        CommandLine cli = new CommandLine(new BenchmarkCommand());
        assertThat(cli.getSubcommands()).containsKey("monitor");
        CommandLine.ParseResult parsed = cli.parseArgs("monitor", "--quick", "--json", "out.json");
        boolean quick = parsed.subcommand().matchedOptionValue("--quick", false);
        assertThat(quick).isTrue();
        Object json = parsed.subcommand().matchedOptionValue("--json", null);
        assertThat(json).hasToString("out.json");
    }

    @Test
    void withoutABenchmarkNameItFailsWithUsage() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchmarkCommand()).setErr(new PrintWriter(err));
        assertThat(cli.execute()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("name a benchmark", "monitor");
    }
}
