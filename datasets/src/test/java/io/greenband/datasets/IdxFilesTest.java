package io.greenband.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on small files written byte by byte here, plain and gzip, intact and broken. */
class IdxFilesTest {

    @TempDir Path dir;

    /** An IDX file: big-endian magic, sizes, then the data bytes. */
    static byte[] idx(int magic, int[] sizes, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * sizes.length + data.length);
        buffer.putInt(magic);
        for (int size : sizes) {
            buffer.putInt(size);
        }
        buffer.put(data);
        return buffer.array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Image i of 3 rows and 4 columns: pixel p = (10 i + p) mod 256. */
    static byte[] pixels(int images) {
        byte[] data = new byte[images * 12];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ((10 * (i / 12) + i % 12) % 256);
        }
        return data;
    }

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsPlainFiles() throws IOException {
        Path images = write("images", idx(0x803, new int[] {5, 3, 4}, pixels(5)));
        Path labels = write("labels", idx(0x801, new int[] {5}, new byte[] {9, 0, 3, 3, 7}));
        ImageSet set = IdxFiles.read(images, labels, 10);
        assertThat(set.size()).isEqualTo(5);
        assertThat(set.channels()).isEqualTo(1);
        assertThat(set.height()).isEqualTo(3);
        assertThat(set.width()).isEqualTo(4);
        assertThat(set.labels()).containsExactly(9, 0, 3, 3, 7);
        // image 2, row 1, column 3 -> p = 7
        assertThat(set.pixels()[2 * 12 + 7] & 0xff).isEqualTo(27);
    }

    @Test
    void readsGzipFilesLikeThePlainOnes() throws IOException {
        Path images = write("images.gz", gzip(idx(0x803, new int[] {26, 3, 4}, pixels(26))));
        Path labels = write("labels.gz", gzip(idx(0x801, new int[] {26}, new byte[26])));
        ImageSet set = IdxFiles.read(images, labels, 10);
        assertThat(set.size()).isEqualTo(26);
        // pixel values wrap past 255: image 25, pixel 11 -> (250 + 11) mod 256
        assertThat(set.pixels()[25 * 12 + 11] & 0xff).isEqualTo(5);
        assertThat(set.pixels()).isEqualTo(pixels(26));
    }

    @Test
    void refusesAWrongMagic() throws IOException {
        Path images = write("images", idx(0x801, new int[] {2, 3, 4}, pixels(2)));
        Path labels = write("labels", idx(0x801, new int[] {2}, new byte[2]));
        assertThatThrownBy(() -> IdxFiles.read(images, labels, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("images")
                .hasMessageContaining("magic 0x00000801, expected 0x00000803");
        Path swapped = write("swapped", idx(0x803, new int[] {2, 3, 4}, pixels(2)));
        assertThatThrownBy(() -> IdxFiles.read(images.resolveSibling("images.ok"), swapped, 10))
                .hasMessageContaining("does not exist");
        write("images.ok", idx(0x803, new int[] {2, 3, 4}, pixels(2)));
        assertThatThrownBy(() -> IdxFiles.read(dir.resolve("images.ok"), swapped, 10))
                .hasMessageContaining("swapped")
                .hasMessageContaining("expected 0x00000801");
    }

    @Test
    void refusesTruncatedFilesPlainAndGzip() throws IOException {
        byte[] whole = idx(0x803, new int[] {4, 3, 4}, pixels(4));
        Path labels = write("labels", idx(0x801, new int[] {4}, new byte[4]));
        Path cut = write("cut", Arrays.copyOf(whole, whole.length - 5));
        assertThatThrownBy(() -> IdxFiles.read(cut, labels, 10))
                .hasMessageContaining("cut")
                .hasMessageContaining("truncated")
                .hasMessageContaining("48 data bytes but it holds 43");
        Path header = write("header", Arrays.copyOf(whole, 9));
        assertThatThrownBy(() -> IdxFiles.read(header, labels, 10))
                .hasMessageContaining("truncated")
                .hasMessageContaining("header");
        byte[] compressed = gzip(idx(0x803, new int[] {400, 3, 4}, pixels(400)));
        Path cutGzip = write("cut.gz", Arrays.copyOf(compressed, compressed.length / 2));
        assertThatThrownBy(() -> IdxFiles.read(cutGzip, labels, 10))
                .hasMessageContaining("cut.gz")
                .hasMessageContaining("truncated");
        Path longer = write("longer", Arrays.copyOf(whole, whole.length + 1));
        assertThatThrownBy(() -> IdxFiles.read(longer, labels, 10))
                .hasMessageContaining("bytes after the 48");
    }

    @Test
    void refusesALabelCountMismatchAndLabelsOutOfRange() throws IOException {
        Path images = write("images.gz", gzip(idx(0x803, new int[] {3, 3, 4}, pixels(3))));
        Path fewer = write("fewer", idx(0x801, new int[] {2}, new byte[] {1, 2}));
        assertThatThrownBy(() -> IdxFiles.read(images, fewer, 10))
                .hasMessageContaining("holds 2 labels but image file")
                .hasMessageContaining("holds 3 images");
        Path outOfRange = write("range", idx(0x801, new int[] {3}, new byte[] {1, 10, 2}));
        assertThatThrownBy(() -> IdxFiles.read(images, outOfRange, 10))
                .hasMessageContaining("label 1 is 10");
    }

    @Test
    void boundsCountsAndDimensions() throws IOException {
        Path labels = write("labels", idx(0x801, new int[] {1}, new byte[1]));
        Path huge = write("huge", idx(0x803, new int[] {2_000_000, 28, 28}, new byte[0]));
        assertThatThrownBy(() -> IdxFiles.read(huge, labels, 10))
                .hasMessageContaining("dimension 0 is 2000000");
        Path wide = write("wide", idx(0x803, new int[] {1, 28, 100_000}, new byte[0]));
        assertThatThrownBy(() -> IdxFiles.read(wide, labels, 10))
                .hasMessageContaining("dimension 2 is 100000");
        Path negative = write("negative", idx(0x803, new int[] {-1, 28, 28}, new byte[0]));
        assertThatThrownBy(() -> IdxFiles.read(negative, labels, 10))
                .hasMessageContaining("dimension 0 is -1");
        Path big = write("big", idx(0x803, new int[] {1_000_000, 256, 256}, new byte[0]));
        assertThatThrownBy(() -> IdxFiles.read(big, labels, 10))
                .hasMessageContaining("more than the");
    }

    @Test
    void writerAndLayoutRoundTripGzipAndPlain() throws IOException {
        ImageSet train =
                IdxFiles.read(
                        write("i", idx(0x803, new int[] {6, 3, 4}, pixels(6))),
                        write("l", idx(0x801, new int[] {6}, new byte[] {0, 1, 2, 3, 4, 5})),
                        10);
        for (boolean gz : new boolean[] {true, false}) {
            Path folder = dir.resolve(gz ? "gz" : "plain");
            assertThat(MnistLayout.missing(folder)).hasSize(4);
            MnistLayout.write(train, train.subset(new int[] {5, 0}), folder, gz);
            assertThat(MnistLayout.present(folder)).isTrue();
            assertThat(Files.exists(folder.resolve("train-images-idx3-ubyte.gz"))).isEqualTo(gz);
            assertThat(MnistLayout.readTrain(folder).pixels()).isEqualTo(train.pixels());
            assertThat(MnistLayout.readTest(folder).labels()).containsExactly(5, 0);
        }
        assertThatThrownBy(() -> MnistLayout.readTrain(dir.resolve("none")))
                .hasMessageContaining("no train-images-idx3-ubyte (or train-images-idx3-ubyte.gz)");
    }
}
