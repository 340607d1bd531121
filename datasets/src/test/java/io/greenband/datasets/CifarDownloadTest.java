package io.greenband.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarDownloadTest {

    @TempDir Path dir;

    @Test
    void offlineDownloadFailsSayingWhereToPutTheFiles() {
        CifarDownload download =
                new CifarDownload(
                        URI.create("http://127.0.0.1:9/cifar-10-binary.tar.gz"),
                        CifarDownload.OFFICIAL_SHA256);
        assertThatThrownBy(() -> download.ensure(dir.resolve("data")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot download CIFAR-10")
                .hasMessageContaining("offline")
                .hasMessageContaining(CifarBinary.FOLDER);
        assertThat(dir.resolve("data/cifar-10-binary.tar.gz.part")).doesNotExist();
    }

    @Test
    void sha256OfALocalFileMatchesTheStandardVectorAndMismatchesAreReported() throws IOException {
        Path file = dir.resolve("abc.txt");
        Files.writeString(file, "abc", StandardCharsets.US_ASCII);
        assertThat(Sha256.of(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Sha256.verify(file, "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
        assertThatThrownBy(() -> Sha256.verify(file, CifarDownload.OFFICIAL_SHA256))
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining(CifarDownload.OFFICIAL_SHA256);
    }

    @Test
    void aVerifiedLocalArchiveIsExtractedAndReadable() throws IOException {
        Path archive = dir.resolve("source.tar.gz");
        writeTarGz(
                archive, CifarBinary.FOLDER + "/test_batch.bin", CifarBinaryTest.officialLayout(3));
        Path data = dir.resolve("data");
        Path folder = new CifarDownload(archive.toUri(), Sha256.of(archive)).ensure(data);
        assertThat(CifarBinary.readTest(folder).labels()).containsExactly(1, 4, 7);

        Path other = dir.resolve("other");
        assertThatThrownBy(
                        () ->
                                new CifarDownload(archive.toUri(), CifarDownload.OFFICIAL_SHA256)
                                        .ensure(other))
                .hasMessageContaining("checksum mismatch");
        assertThat(other.resolve(CifarBinary.FOLDER)).doesNotExist();
    }

    /** A one-entry ustar archive, gzip-compressed. */
    private static void writeTarGz(Path target, String name, byte[] content) throws IOException {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tar.write(header);
        tar.write(content);
        tar.write(new byte[(512 - content.length % 512) % 512]);
        tar.write(new byte[1024]);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            out.write(tar.toByteArray());
        }
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
