package io.greenband.trainer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramRegistryTest {

    @TempDir Path dir;

    @Test
    void aRegistryFileListsProgramsWithTheirFolderEnvironmentAndTimeout() throws Exception {
        Path file = dir.resolve("programs.yaml");
        Files.writeString(
                file,
                """
                programs:
                  train-py:
                    argv: [python3, /opt/train.py, --quiet]
                    workDir: /opt
                    environment: [PATH, PYTHONPATH]
                    timeout: 2h
                  eval:
                    argv: [/bin/true]
                """);
        ProgramRegistry registry = ProgramRegistry.read(file, Duration.ofHours(24));

        assertThat(registry.names()).containsExactly("eval", "train-py");
        Program train = registry.find("train-py");
        assertThat(train.argv()).containsExactly("python3", "/opt/train.py", "--quiet");
        assertThat(train.workDir()).isEqualTo(Path.of("/opt"));
        assertThat(train.environment()).containsExactly("PATH", "PYTHONPATH");
        assertThat(train.timeout()).isEqualTo(Duration.ofHours(2));
        Program eval = registry.find("eval");
        assertThat(eval.environment())
                .isEqualTo(Program.DEFAULT_ENVIRONMENT)
                .doesNotContain("KAFKA_SASL_JAAS_CONFIG");
        assertThat(eval.timeout()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void badRegistrationsAreRefusedNamingTheProgramAndField() throws Exception {
        Path file = dir.resolve("programs.json");
        Files.writeString(file, "{\"programs\": {\"x\": {\"argv\": [\"a\"], \"shell\": true}}}");
        assertThatThrownBy(() -> ProgramRegistry.read(file, Duration.ofHours(1)))
                .hasMessageContaining("program 'x'")
                .hasMessageContaining("unknown field 'shell'");
        Files.writeString(file, "{\"programs\": {\"x\": {}}}");
        assertThatThrownBy(() -> ProgramRegistry.read(file, Duration.ofHours(1)))
                .hasMessageContaining("argv");
        Files.writeString(file, "{\"programs\": {\"../x\": {\"argv\": [\"a\"]}}}");
        assertThatThrownBy(() -> ProgramRegistry.read(file, Duration.ofHours(1)))
                .hasMessageContaining("'../x'");
        Program p = new Program("p", List.of("a"), null, null, Duration.ofMinutes(1));
        assertThatThrownBy(() -> ProgramRegistry.of(List.of(p, p)))
                .hasMessageContaining("registered twice");
        assertThatThrownBy(
                        () ->
                                new Program(
                                        "p",
                                        List.of("a"),
                                        null,
                                        List.of("A=B"),
                                        Duration.ofMinutes(1)))
                .hasMessageContaining("variable names");
    }
}
