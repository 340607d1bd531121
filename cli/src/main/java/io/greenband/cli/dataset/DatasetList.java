package io.greenband.cli.dataset;

import io.greenband.datasets.CifarBinary;
import io.greenband.datasets.DatasetNames;
import io.greenband.datasets.IdxFiles;
import io.greenband.datasets.MnistLayout;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints the data sets a study may name and whether (and where) this machine has their files. */
final class DatasetList {

    private DatasetList() {}

    /** Prints one line per data set; returns exit code 0. */
    static int print(PrintWriter out, Path cifarRoot) {
        out.printf(
                "%-14s %s%n",
                DatasetNames.SYNTHETIC, "available: generated on the fly (default; no files)");
        out.printf("%-14s %s%n", DatasetNames.FASHION_MNIST, fashionMnist());
        out.printf(
                "%-14s %s%n",
                DatasetNames.IDX,
                "any gray 10-class set in the MNIST layout (e.g. MNIST): "
                        + "workload.datasetPath names its folder");
        out.printf("%-14s %s%n", DatasetNames.CIFAR10, cifar(cifarRoot));
        out.flush();
        return 0;
    }

    private static String fashionMnist() {
        Path dir = MnistLayout.FASHION_MNIST_DEBIAN;
        List<String> missing = MnistLayout.missing(dir);
        if (!missing.isEmpty()) {
            return "missing: not in "
                    + dir
                    + " (install with 'apt-get install "
                    + MnistLayout.FASHION_MNIST_PACKAGE
                    + "', or set workload.datasetPath to a folder in the MNIST layout)";
        }
        try {
            int[] train = IdxFiles.dimensions(MnistLayout.trainImages(dir));
            int[] test = IdxFiles.dimensions(MnistLayout.testImages(dir));
            return String.format(
                    "available: %s (%,d training and %,d test images of %dx%d, gray, 10 classes)",
                    dir, train[0], test[0], train[1], train[2]);
        } catch (IllegalArgumentException e) {
            return "broken: " + e.getMessage();
        }
    }

    private static String cifar(Path root) {
        for (Path folder : List.of(root, root.resolve(CifarBinary.FOLDER))) {
            if (Files.isRegularFile(folder.resolve("data_batch_1.bin"))) {
                return "available: " + folder.toAbsolutePath() + " (workload.datasetPath)";
            }
        }
        return "missing: not in "
                + root.toAbsolutePath()
                + " (greenband dataset download cifar10 --into "
                + root
                + ")";
    }
}
