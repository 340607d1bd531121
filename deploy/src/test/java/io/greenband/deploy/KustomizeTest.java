package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding kubectl, and parsing what it prints. */
class KustomizeTest {

    @TempDir Path dir;

    @Test
    void aMissingKubectlFailsWithAClearMessage() {
        assertThatThrownBy(() -> Kustomize.kubectl(null, dir.toString()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl was not found on PATH")
                .hasMessageContaining("install kubectl");
        assertThatThrownBy(() -> Kustomize.kubectl(dir.resolve("kubectl").toString(), ""))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("is not an executable file");
    }

    @Test
    void kubectlIsTakenFromThePath() throws IOException {
        Path kubectl =
                Files.createFile(
                        dir.resolve("kubectl"),
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(Kustomize.kubectl("", "/nonexistent:" + dir)).isEqualTo(kubectl);
    }

    @Test
    void kustomizeOlderThanV5IsRefusedByName() {
        Kustomize.requireKustomize5(
                "{\"clientVersion\":{\"gitVersion\":\"v1.32.4\"},\"kustomizeVersion\":\"v5.5.0\"}");
        assertThatThrownBy(
                        () ->
                                Kustomize.requireKustomize5(
                                        "{\"clientVersion\":{\"gitVersion\":\"v1.20.5\"},\"kustomizeVersion\":\"v2.0.3\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("v1.20.5")
                .hasMessageContaining("v2.0.3")
                .hasMessageContaining("kubectl 1.27");
        assertThatThrownBy(
                        () ->
                                Kustomize.requireKustomize5(
                                        "{\"clientVersion\":{\"gitVersion\":\"v1.13.0\"}}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void emptyDocumentsAreSkipped() {
        Rendered r =
                Kustomize.parse(
                        """
                ---
                kind: Service
                metadata: {name: a}
                ---
                ---
                kind: Secret
                metadata: {name: b}
                """);
        assertThat(r.objects()).hasSize(2);
        assertThat(r.one("Secret", "b").path("metadata").path("name").asText()).isEqualTo("b");
    }
}
