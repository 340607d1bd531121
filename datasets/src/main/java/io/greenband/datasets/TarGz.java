package io.greenband.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Minimal extractor of regular files from a gzip-compressed POSIX (ustar) tar archive. */
final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {}

    /** Extracts every regular file into {@code target}; refuses entries that would leave it. */
    static void extract(Path archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in =
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            byte[] header = new byte[BLOCK];
            while (readFully(in, header)) {
                if (isZero(header)) {
                    return;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size =
                        Long.parseLong(
                                text(header, 124, 12).trim().isEmpty()
                                        ? "0"
                                        : text(header, 124, 12).trim(),
                                8);
                char type = (char) header[156];
                Path out = root.resolve(name).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("archive entry '" + name + "' points outside " + root);
                }
                if (type == '0' || type == '\0') {
                    Files.createDirectories(out.getParent());
                    try (OutputStream os = Files.newOutputStream(out)) {
                        copy(in, os, size);
                    }
                } else {
                    copy(in, OutputStream.nullOutputStream(), size);
                }
                long padding = (BLOCK - size % BLOCK) % BLOCK;
                copy(in, OutputStream.nullOutputStream(), padding);
            }
        }
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, block.length);
        if (read == 0) {
            return false;
        }
        if (read < block.length) {
            throw new IOException("truncated tar archive");
        }
        return true;
    }

    private static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("truncated tar archive");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
