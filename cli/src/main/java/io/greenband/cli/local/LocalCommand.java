package io.greenband.cli.local;

import io.greenband.cli.study.StudyFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenband local STUDY.yaml}: runs a study on this machine from start to report; running it
 * again resumes.
 */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Run a study on this machine, from start to front and HTML report.",
            "Starts embedded Kafka and MongoDB and the four services as child processes, shows live progress,",
            "prints the final Pareto front and writes an HTML report. Ctrl-C stops everything; run again to resume."
        })
public final class LocalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY", description = "The study file (YAML or JSON).")
    Path file;

    @Mixin LocalOptions options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return new LocalRunner(options, spec.commandLine().getOut()).run(StudyFiles.load(file));
    }
}
