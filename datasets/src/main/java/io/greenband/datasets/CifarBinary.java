package io.greenband.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader of the official CIFAR-10 binary layout ({@code cifar-10-batches-bin}): records of one
 * label byte followed by 3072 pixel bytes (1024 red, 1024 green, 1024 blue, row-major 32x32), in
 * {@code data_batch_1.bin} .. {@code data_batch_5.bin} (10,000 each) and {@code test_batch.bin}.
 */
public final class CifarBinary {

    /** Folder name inside the official archive. */
    public static final String FOLDER = "cifar-10-batches-bin";

    /** Side of a CIFAR image. */
    public static final int SIZE = 32;

    /** Bytes of one record. */
    public static final int RECORD_BYTES = 1 + 3 * SIZE * SIZE;

    /** Number of classes. */
    public static final int CLASSES = 10;

    private static final String LAYOUT =
            "expected the CIFAR-10 binary layout: a folder '"
                    + FOLDER
                    + "' with data_batch_1.bin .. data_batch_5.bin and test_batch.bin";

    private CifarBinary() {}

    /**
     * The 50,000 training images of {@code folder} (the {@code cifar-10-batches-bin} folder
     * itself).
     */
    public static ImageSet readTrain(Path folder) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            files.add(folder.resolve("data_batch_" + i + ".bin"));
        }
        return read(files);
    }

    /** The 10,000 test images of {@code folder}. */
    public static ImageSet readTest(Path folder) {
        return read(List.of(folder.resolve("test_batch.bin")));
    }

    /** Reads and concatenates the given batch files. */
    public static ImageSet read(List<Path> files) {
        ImageSet all = null;
        for (Path file : files) {
            ImageSet part = readFile(file);
            all = all == null ? part : all.concat(part);
        }
        if (all == null) {
            throw new IllegalArgumentException("no CIFAR-10 batch files given; " + LAYOUT);
        }
        return all;
    }

    /** Reads one batch file; the message names the file and what is wrong with it. */
    public static ImageSet readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "CIFAR-10 file "
                            + file.toAbsolutePath()
                            + " does not exist; "
                            + LAYOUT
                            + " (set the data path to that folder, or download it first)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read CIFAR-10 file " + file.toAbsolutePath() + ": " + e, e);
        }
        if (bytes.length == 0 || bytes.length % RECORD_BYTES != 0) {
            throw new IllegalArgumentException(
                    "CIFAR-10 file "
                            + file.toAbsolutePath()
                            + " is corrupt: "
                            + bytes.length
                            + " bytes is not a positive multiple of the "
                            + RECORD_BYTES
                            + "-byte record");
        }
        int count = bytes.length / RECORD_BYTES;
        int imageBytes = RECORD_BYTES - 1;
        byte[] pixels = new byte[count * imageBytes];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = bytes[i * RECORD_BYTES] & 0xff;
            if (label >= CLASSES) {
                throw new IllegalArgumentException(
                        "CIFAR-10 file "
                                + file.toAbsolutePath()
                                + " is corrupt: record "
                                + i
                                + " has label "
                                + label
                                + ", expected 0-9");
            }
            labels[i] = label;
            System.arraycopy(bytes, i * RECORD_BYTES + 1, pixels, i * imageBytes, imageBytes);
        }
        return new ImageSet(pixels, labels, 3, SIZE, SIZE, CLASSES);
    }

    /** Writes {@code images} in the binary layout (for tests and exports of generated sets). */
    public static void write(ImageSet images, Path file) throws IOException {
        if (images.channels() != 3 || images.height() != SIZE || images.width() != SIZE) {
            throw new IllegalArgumentException("only 3x32x32 images fit the CIFAR-10 layout");
        }
        byte[] bytes = new byte[images.size() * RECORD_BYTES];
        for (int i = 0; i < images.size(); i++) {
            bytes[i * RECORD_BYTES] = (byte) images.labels()[i];
            System.arraycopy(
                    images.pixels(),
                    i * (RECORD_BYTES - 1),
                    bytes,
                    i * RECORD_BYTES + 1,
                    RECORD_BYTES - 1);
        }
        Files.write(file, bytes);
    }
}
