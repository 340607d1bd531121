package io.greenband.suggester.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every core package says what it is for (the import rules are in {@code
 * io.greenband.suggester.ArchitectureTest}).
 */
class CorePackageInfoTest {

    @Test
    void everyCorePackageHasAPackageInfo() throws IOException {
        Path core = Path.of("src/main/java/io/greenband/suggester/core");
        try (Stream<Path> dirs = Files.walk(core)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                assertThat(d.resolve("package-info.java")).as(d.toString()).exists();
            }
        }
    }
}
