package io.greenband.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder in the MNIST layout: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each plain or with {@code
 * .gz}, 10 classes. Debian's {@code dataset-fashion-mnist} package installs Fashion-MNIST this way
 * in {@link #FASHION_MNIST_DEBIAN}.
 */
public final class MnistLayout {

    /** Where Debian's {@code dataset-fashion-mnist} package puts the four files. */
    public static final Path FASHION_MNIST_DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    /** The Debian package that provides Fashion-MNIST. */
    public static final String FASHION_MNIST_PACKAGE = "dataset-fashion-mnist";

    /** Classes of MNIST and Fashion-MNIST. */
    public static final int CLASSES = 10;

    /** Fashion-MNIST's class names, by label. */
    public static final List<String> FASHION_MNIST_CLASSES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    private static final String[] STEMS = {
        "train-images-idx3-ubyte",
        "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte"
    };

    private MnistLayout() {}

    /** Whether {@code folder} holds all four files (plain or gzip). */
    public static boolean present(Path folder) {
        return missing(folder).isEmpty();
    }

    /** The file names (without {@code .gz}) that {@code folder} lacks. */
    public static List<String> missing(Path folder) {
        List<String> missing = new ArrayList<>();
        for (String stem : STEMS) {
            if (find(folder, stem) == null) {
                missing.add(stem);
            }
        }
        return missing;
    }

    /** The training images of {@code folder}. */
    public static ImageSet readTrain(Path folder) {
        return IdxFiles.read(file(folder, STEMS[0]), file(folder, STEMS[1]), CLASSES);
    }

    /** The test images of {@code folder}. */
    public static ImageSet readTest(Path folder) {
        return IdxFiles.read(file(folder, STEMS[2]), file(folder, STEMS[3]), CLASSES);
    }

    /** The training image file of {@code folder} (plain or gzip). */
    public static Path trainImages(Path folder) {
        return file(folder, STEMS[0]);
    }

    /** The test image file of {@code folder} (plain or gzip). */
    public static Path testImages(Path folder) {
        return file(folder, STEMS[2]);
    }

    /**
     * Writes {@code train} and {@code test} into {@code folder} in this layout (for tests and
     * exports).
     */
    public static void write(ImageSet train, ImageSet test, Path folder, boolean gzip)
            throws java.io.IOException {
        Files.createDirectories(folder);
        String ext = gzip ? ".gz" : "";
        IdxFiles.write(train, folder.resolve(STEMS[0] + ext), folder.resolve(STEMS[1] + ext), gzip);
        IdxFiles.write(test, folder.resolve(STEMS[2] + ext), folder.resolve(STEMS[3] + ext), gzip);
    }

    private static Path file(Path folder, String stem) {
        Path found = find(folder, stem);
        if (found == null) {
            throw new IllegalArgumentException(
                    "no "
                            + stem
                            + " (or "
                            + stem
                            + ".gz) in "
                            + folder.toAbsolutePath()
                            + "; expected the MNIST layout: train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                            + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, plain or gzip"
                            + (folder.equals(FASHION_MNIST_DEBIAN)
                                    ? " (install the Debian package " + FASHION_MNIST_PACKAGE + ")"
                                    : ""));
        }
        return found;
    }

    private static Path find(Path folder, String stem) {
        for (Path candidate : List.of(folder.resolve(stem), folder.resolve(stem + ".gz"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
