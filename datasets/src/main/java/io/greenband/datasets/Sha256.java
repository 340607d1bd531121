package io.greenband.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 of files, and verification against an expected digest. */
public final class Sha256 {

    private Sha256() {}

    /** Lower-case hex SHA-256 of the file's bytes. */
    public static String of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Throws naming the file and both digests unless the file's SHA-256 equals {@code expectedHex}.
     */
    public static void verify(Path file, String expectedHex) throws IOException {
        String actual = of(file);
        if (!actual.equals(expectedHex.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(
                    "checksum mismatch for "
                            + file.toAbsolutePath()
                            + ": SHA-256 is "
                            + actual
                            + " but "
                            + expectedHex.toLowerCase(Locale.ROOT)
                            + " was expected; the file is incomplete or not the expected one, delete it and retry");
        }
    }
}
