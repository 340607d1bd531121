package io.greenband.cli.dataset;

import io.greenband.cli.CliException;
import io.greenband.datasets.CifarDownload;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenband dataset [list]}: the data sets a study can train on and where each is found on
 * this machine; {@code greenband dataset download cifar10 [--into DIR]}: fetches the official
 * CIFAR-10 binary archive, checks its SHA-256 and extracts {@code cifar-10-batches-bin}; offline,
 * it says where to put the archive by hand.
 */
@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = "List the data sets and where they are (default), or download one.",
        subcommands = {DatasetCommand.ListSets.class, DatasetCommand.Download.class})
public final class DatasetCommand implements Callable<Integer> {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return DatasetList.print(spec.commandLine().getOut(), Path.of("data"));
    }

    /** The list subcommand (also what {@code greenband dataset} alone does). */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "List the data sets a study can name in workload.dataset and where each is on this machine.")
    public static final class ListSets implements Callable<Integer> {

        @Option(
                names = "--cifar10",
                defaultValue = "data",
                paramLabel = "DIR",
                description =
                        "Where to look for CIFAR-10 (the folder holding cifar-10-batches-bin, or that folder; "
                                + "default ${DEFAULT-VALUE}).")
        Path cifar10;

        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return DatasetList.print(spec.commandLine().getOut(), cifar10);
        }
    }

    /** The download subcommand. */
    @Command(
            name = "download",
            mixinStandardHelpOptions = true,
            description =
                    "Download a data set (cifar10: the official binary version, SHA-256 checked) and extract it.")
    public static final class Download implements Callable<Integer> {

        @Parameters(paramLabel = "DATASET", description = "cifar10")
        String dataset;

        @Option(
                names = "--into",
                defaultValue = "data",
                paramLabel = "DIR",
                description =
                        "Folder that receives cifar-10-batches-bin (default ${DEFAULT-VALUE}); the study's "
                                + "workload.datasetPath points here.")
        Path into;

        @Option(
                names = "--from",
                paramLabel = "URL",
                description =
                        "A mirror (http, https or file URL) of the "
                                + "official archive; default the official address.")
        URI from;

        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!"cifar10".equals(dataset)) {
                throw CliException.notFound(
                        "unknown data set '"
                                + dataset
                                + "'; the one to download is cifar10 "
                                + "(the synthetic set needs no download)");
            }
            CifarDownload download =
                    from == null
                            ? CifarDownload.official()
                            : new CifarDownload(from, CifarDownload.OFFICIAL_SHA256);
            spec.commandLine()
                    .getOut()
                    .println("CIFAR-10: " + download.source() + " -> " + into.toAbsolutePath());
            spec.commandLine().getOut().flush();
            try {
                Path folder = download.ensure(into);
                spec.commandLine().getOut().println("ready: " + folder.toAbsolutePath());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IOException | IllegalStateException e) {
                throw CliException.notFound(e.getMessage());
            }
        }
    }
}
