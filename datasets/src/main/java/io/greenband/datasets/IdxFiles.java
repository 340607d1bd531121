package io.greenband.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reader of the MNIST layout of IDX files (as in MNIST and Fashion-MNIST): an image file with magic
 * {@code 0x00000803} (unsigned bytes, 3 dimensions: count, rows, columns) and a label file with
 * magic {@code 0x00000801} (unsigned bytes, 1 dimension: count), each plain or gzip-compressed
 * (detected by its first bytes). Everything read is bounded and checked: the magic, the counts and
 * sizes against {@link #MAX_IMAGES} and {@link #MAX_SIDE}, the exact length of the data, labels
 * below the class count, and that both files hold the same number of items. A failure names the
 * file and what is wrong.
 */
public final class IdxFiles {

    /** Magic of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** Magic of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    /** Most images one file may hold. */
    public static final int MAX_IMAGES = 1_000_000;

    /** Largest image side accepted. */
    public static final int MAX_SIDE = 256;

    /** Most data bytes one file may hold (1 GiB). */
    public static final long MAX_BYTES = 1L << 30;

    /** Most classes a label may name (labels are 0 .. classes-1). */
    public static final int MAX_CLASSES = 256;

    private IdxFiles() {}

    /**
     * Reads an image file and its label file into one gray image set of {@code classes} classes.
     */
    public static ImageSet read(Path images, Path labels, int classes) {
        if (classes < 2 || classes > MAX_CLASSES) {
            throw new IllegalArgumentException(
                    "classes must be in [2, " + MAX_CLASSES + "], got " + classes);
        }
        Header imageHeader;
        byte[] pixels;
        try (DataInputStream in = open(images)) {
            imageHeader = header(in, images, IMAGES_MAGIC, 3);
            pixels =
                    body(
                            in,
                            images,
                            (long) imageHeader.count()
                                    * imageHeader.rows()
                                    * imageHeader.columns());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read IDX file " + images.toAbsolutePath() + ": " + e, e);
        }
        byte[] labelBytes;
        try (DataInputStream in = open(labels)) {
            Header labelHeader = header(in, labels, LABELS_MAGIC, 1);
            if (labelHeader.count() != imageHeader.count()) {
                throw new IllegalArgumentException(
                        "IDX label file "
                                + labels.toAbsolutePath()
                                + " holds "
                                + labelHeader.count()
                                + " labels but image file "
                                + images.toAbsolutePath()
                                + " holds "
                                + imageHeader.count()
                                + " images");
            }
            labelBytes = body(in, labels, labelHeader.count());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read IDX file " + labels.toAbsolutePath() + ": " + e, e);
        }
        int[] classOf = new int[labelBytes.length];
        for (int i = 0; i < labelBytes.length; i++) {
            classOf[i] = labelBytes[i] & 0xff;
            if (classOf[i] >= classes) {
                throw new IllegalArgumentException(
                        "IDX label file "
                                + labels.toAbsolutePath()
                                + ": label "
                                + i
                                + " is "
                                + classOf[i]
                                + ", expected 0-"
                                + (classes - 1));
            }
        }
        return new ImageSet(pixels, classOf, 1, imageHeader.rows(), imageHeader.columns(), classes);
    }

    /** The checked sizes (count, rows, columns) of an IDX image file, from its header alone. */
    public static int[] dimensions(Path images) {
        try (DataInputStream in = open(images)) {
            Header header = header(in, images, IMAGES_MAGIC, 3);
            return new int[] {header.count(), header.rows(), header.columns()};
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read IDX file " + images.toAbsolutePath() + ": " + e, e);
        }
    }

    /**
     * Writes {@code set} (gray images) as an IDX image file and label file, gzip-compressed when
     * asked.
     */
    public static void write(ImageSet set, Path images, Path labels, boolean gzip)
            throws IOException {
        if (set.channels() != 1) {
            throw new IllegalArgumentException(
                    "the IDX image layout holds gray images, got " + set.channels() + " channels");
        }
        writeFile(
                images,
                gzip,
                IMAGES_MAGIC,
                new int[] {set.size(), set.height(), set.width()},
                set.pixels());
        byte[] labelBytes = new byte[set.size()];
        for (int i = 0; i < labelBytes.length; i++) {
            labelBytes[i] = (byte) set.labels()[i];
        }
        writeFile(labels, gzip, LABELS_MAGIC, new int[] {set.size()}, labelBytes);
    }

    private static void writeFile(Path file, boolean gzip, int magic, int[] sizes, byte[] data)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out =
                        new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(magic);
            for (int size : sizes) {
                out.writeInt(size);
            }
            out.write(data);
        }
    }

    /** The leading sizes of an IDX file; rows and columns are 1 for a label file. */
    private record Header(int count, int rows, int columns) {}

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "IDX file " + file.toAbsolutePath() + " does not exist");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        // gzip's magic 1f 8b cannot start an IDX file, whose first two bytes are zero
        return new DataInputStream(
                first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 65_536) : in);
    }

    private static Header header(DataInputStream in, Path file, int magic, int dimensions)
            throws IOException {
        String name = file.toAbsolutePath().toString();
        int found;
        try {
            found = in.readInt();
        } catch (EOFException e) {
            throw new IllegalArgumentException(
                    "IDX file " + name + " is truncated: it ends inside its header", e);
        }
        if (found != magic) {
            throw new IllegalArgumentException(
                    String.format(
                            "IDX file %s has magic 0x%08x, expected 0x%08x (%s)",
                            name,
                            found,
                            magic,
                            dimensions == 3
                                    ? "unsigned-byte images: count, rows, columns"
                                    : "unsigned-byte labels: count"));
        }
        int[] sizes = new int[3];
        sizes[1] = 1;
        sizes[2] = 1;
        for (int d = 0; d < dimensions; d++) {
            try {
                sizes[d] = in.readInt();
            } catch (EOFException e) {
                throw new IllegalArgumentException(
                        "IDX file " + name + " is truncated: it ends inside its header", e);
            }
            int max = d == 0 ? MAX_IMAGES : MAX_SIDE;
            if (sizes[d] < 1 || sizes[d] > max) {
                throw new IllegalArgumentException(
                        "IDX file "
                                + name
                                + ": dimension "
                                + d
                                + " is "
                                + sizes[d]
                                + ", expected 1-"
                                + max);
            }
        }
        return new Header(sizes[0], sizes[1], sizes[2]);
    }

    /** Exactly {@code length} bytes, and nothing after them. */
    private static byte[] body(DataInputStream in, Path file, long length) throws IOException {
        if (length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "IDX file "
                            + file.toAbsolutePath()
                            + " announces "
                            + length
                            + " data bytes, more than the "
                            + MAX_BYTES
                            + " accepted");
        }
        byte[] data = new byte[(int) length];
        int read;
        try {
            read = in.readNBytes(data, 0, data.length);
        } catch (EOFException e) {
            // a cut gzip stream ends inside its deflate data
            throw new IllegalArgumentException(
                    "IDX file "
                            + file.toAbsolutePath()
                            + " is truncated: its compressed "
                            + "data ends before the "
                            + length
                            + " bytes its header announces",
                    e);
        }
        if (read < data.length) {
            throw new IllegalArgumentException(
                    "IDX file "
                            + file.toAbsolutePath()
                            + " is truncated: its header "
                            + "announces "
                            + length
                            + " data bytes but it holds "
                            + read);
        }
        if (in.read() != -1) {
            throw new IllegalArgumentException(
                    "IDX file "
                            + file.toAbsolutePath()
                            + " has bytes after the "
                            + length
                            + " its header announces");
        }
        return data;
    }
}
