package io.greenband.suggester.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core stays framework-free. */
class ArchitectureTest {

    private static final List<String> FORBIDDEN = List.of("import jakarta.", "import io.quarkus.", "import org.bson.",
            "import org.apache.kafka.", "import com.mongodb.", "import com.fasterxml.");

    @Test
    void coreImportsNoFrameworkTypes() throws IOException {
        Path core = Path.of("src/main/java/io/greenband/suggester/core");
        assertThat(core).isDirectory();
        try (Stream<Path> files = Files.walk(core)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(java).isNotEmpty();
            for (Path p : java) {
                String text = Files.readString(p);
                for (String f : FORBIDDEN) {
                    assertThat(text).as(p.toString()).doesNotContain(f);
                }
            }
        }
    }

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
