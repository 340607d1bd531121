package io.greenband.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryTest {

    @TempDir Path dir;

    /**
     * Record i: label (3i+1) % 10, pixel p of channel c = (i + 7c + p) % 256, written byte by byte.
     */
    static byte[] officialLayout(int records) {
        byte[] bytes = new byte[records * 3073];
        for (int i = 0; i < records; i++) {
            bytes[i * 3073] = (byte) ((3 * i + 1) % 10);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    bytes[i * 3073 + 1 + c * 1024 + p] = (byte) ((i + 7 * c + p) % 256);
                }
            }
        }
        return bytes;
    }

    @Test
    void parsesRecordsOfTheOfficialLayout() throws IOException {
        Path file = dir.resolve("test_batch.bin");
        Files.write(file, officialLayout(4));
        ImageSet images = CifarBinary.readFile(file);
        assertThat(images.size()).isEqualTo(4);
        assertThat(images.labels()).containsExactly(1, 4, 7, 0);
        assertThat(images.channels()).isEqualTo(3);
        assertThat(images.height()).isEqualTo(32);
        // image 2, green channel, row 1, column 3 -> p = 35
        assertThat(images.pixels()[2 * 3072 + 1024 + 32 + 3] & 0xff).isEqualTo((2 + 7 + 35) % 256);
        // last byte of image 3 (blue, p = 1023) is (3 + 14 + 1023) % 256 = 16
        assertThat(images.pixels()[4 * 3072 - 1] & 0xff).isEqualTo(16);
    }

    @Test
    void readsTheFiveTrainingBatchesInOrderAndRoundTripsWrites() throws IOException {
        for (int i = 1; i <= 5; i++) {
            Files.write(dir.resolve("data_batch_" + i + ".bin"), officialLayout(i));
        }
        ImageSet train = CifarBinary.readTrain(dir);
        assertThat(train.size()).isEqualTo(1 + 2 + 3 + 4 + 5);
        assertThat(train.labels()[1]).isEqualTo(1);
        assertThat(train.labels()[2]).isEqualTo(4);
        Path copy = dir.resolve("copy.bin");
        CifarBinary.write(train, copy);
        assertThat(CifarBinary.readFile(copy).pixels()).isEqualTo(train.pixels());
    }

    @Test
    void aMissingFolderNamesTheExpectedLayout() {
        assertThatThrownBy(() -> CifarBinary.readTrain(dir.resolve("nowhere")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data_batch_1.bin")
                .hasMessageContaining("does not exist")
                .hasMessageContaining(CifarBinary.FOLDER);
    }

    @Test
    void aCorruptFileSaysWhatIsWrong() throws IOException {
        Path truncated = dir.resolve("truncated.bin");
        Files.write(truncated, new byte[3073 * 2 - 5]);
        assertThatThrownBy(() -> CifarBinary.readFile(truncated))
                .hasMessageContaining("is corrupt")
                .hasMessageContaining("3073-byte record");
        Path badLabel = dir.resolve("label.bin");
        byte[] bytes = officialLayout(2);
        bytes[3073] = 42;
        Files.write(badLabel, bytes);
        assertThatThrownBy(() -> CifarBinary.readFile(badLabel))
                .hasMessageContaining("record 1 has label 42");
    }
}
