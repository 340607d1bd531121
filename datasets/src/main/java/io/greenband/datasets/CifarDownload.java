package io.greenband.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes the CIFAR-10 binary folder available under a data root: uses it when present, otherwise
 * downloads the official archive, verifies its SHA-256 and extracts it. Offline, it fails with a
 * message that says where to put the files.
 *
 * @param source URI of the archive ({@code http(s)} or {@code file})
 * @param sha256 expected lower-case hex SHA-256 of the archive
 */
public record CifarDownload(URI source, String sha256) {

    /** The official archive. */
    public static final URI OFFICIAL_SOURCE =
            URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");

    /** SHA-256 of the official archive (170,052,171 bytes). */
    public static final String OFFICIAL_SHA256 =
            "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd";

    private static final String ARCHIVE = "cifar-10-binary.tar.gz";

    /** Checks the fields. */
    public CifarDownload {
        Objects.requireNonNull(source, "source");
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(
                    "sha256 must be 64 hex digits, got '" + sha256 + "'");
        }
    }

    /** The official archive and checksum. */
    public static CifarDownload official() {
        return new CifarDownload(OFFICIAL_SOURCE, OFFICIAL_SHA256);
    }

    /**
     * The {@code cifar-10-batches-bin} folder under {@code dataRoot}, downloading and extracting
     * the archive first when the folder is missing.
     */
    public Path ensure(Path dataRoot) throws IOException {
        Path folder = dataRoot.resolve(CifarBinary.FOLDER);
        if (Files.isRegularFile(folder.resolve("test_batch.bin"))) {
            return folder;
        }
        Files.createDirectories(dataRoot);
        Path archive = dataRoot.resolve(ARCHIVE);
        if (!Files.isRegularFile(archive)) {
            fetch(archive);
        }
        Sha256.verify(archive, sha256);
        TarGz.extract(archive, dataRoot);
        if (!Files.isRegularFile(folder.resolve("test_batch.bin"))) {
            throw new IllegalStateException(
                    "archive "
                            + archive
                            + " did not contain "
                            + CifarBinary.FOLDER
                            + "/test_batch.bin");
        }
        return folder;
    }

    private void fetch(Path archive) throws IOException {
        Path partial = archive.resolveSibling(archive.getFileName() + ".part");
        try {
            if ("file".equals(source.getScheme())) {
                Files.copy(Path.of(source), partial, StandardCopyOption.REPLACE_EXISTING);
            } else {
                HttpClient client =
                        HttpClient.newBuilder()
                                .connectTimeout(Duration.ofSeconds(20))
                                .followRedirects(HttpClient.Redirect.NORMAL)
                                .build();
                HttpResponse<InputStream> response =
                        client.send(
                                HttpRequest.newBuilder(source).GET().build(),
                                HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException("HTTP " + response.statusCode());
                }
                try (InputStream body = response.body()) {
                    Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw new IllegalStateException(
                    "cannot download CIFAR-10 from "
                            + source
                            + " ("
                            + e
                            + "); this machine may be offline: put the official archive at "
                            + archive.toAbsolutePath()
                            + " or its extracted '"
                            + CifarBinary.FOLDER
                            + "' folder under "
                            + archive.getParent().toAbsolutePath(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Files.deleteIfExists(partial);
            throw new IllegalStateException(
                    "download of CIFAR-10 from " + source + " was interrupted", e);
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
    }
}
