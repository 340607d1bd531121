package io.greenband.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {

    @TempDir Path dir;

    @Test
    void offlineTheDownloadSaysWhereToPutTheArchive() {
        Cli cli =
                Cli.run(
                        "dataset",
                        "download",
                        "cifar10",
                        "--into",
                        dir.toString(),
                        "--from",
                        "http://127.0.0.1:9/cifar-10-binary.tar.gz");
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.err())
                .contains("cannot download CIFAR-10")
                .contains("may be offline")
                .contains("cifar-10-binary.tar.gz")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("cifar-10-binary.tar.gz.part")).doesNotExist();
    }

    @Test
    void anArchiveWithTheWrongChecksumIsRefused() throws Exception {
        Path fake = dir.resolve("mirror.tar.gz");
        Files.writeString(fake, "not the CIFAR-10 archive");
        Cli cli =
                Cli.run(
                        "dataset",
                        "download",
                        "cifar10",
                        "--into",
                        dir.resolve("data").toString(),
                        "--from",
                        fake.toUri().toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.err()).contains("checksum mismatch");
    }

    @Test
    void unknownDataSetsAreNamed() {
        Cli cli = Cli.run("dataset", "download", "imagenet");
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.err()).contains("unknown data set 'imagenet'");
    }

    @Test
    void theListSaysWhichDataSetsAreHereAndWhere() throws Exception {
        Cli missing = Cli.run("dataset", "list", "--cifar10", dir.toString());
        assertThat(missing.exitCode()).isZero();
        assertThat(missing.out())
                .contains("synthetic")
                .contains("idx")
                .contains("cifar10        missing: not in " + dir.toAbsolutePath());
        // the Debian package is either there with its sizes or named as what to install
        assertThat(missing.out())
                .containsAnyOf(
                        "fashion-mnist  available: /usr/share/datasets/fashion-mnist (60,000 training and 10,000 test images",
                        "fashion-mnist  missing: not in /usr/share/datasets/fashion-mnist (install with 'apt-get install "
                                + "dataset-fashion-mnist'");
        Path batches = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        Files.write(batches.resolve("data_batch_1.bin"), new byte[3073]);
        Cli present = Cli.run("dataset", "list", "--cifar10", dir.toString());
        assertThat(present.out()).contains("cifar10        available: " + batches.toAbsolutePath());
        assertThat(Cli.run("dataset").out()).contains("fashion-mnist").contains("cifar10");
    }
}
