package io.greenband.suggester.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The driver stays plain Java: the service's adapters are the only place Kafka, MongoDB and Quarkus appear. */
class DriverArchitectureTest {

    private static final List<String> FORBIDDEN = List.of("import jakarta.", "import io.quarkus.", "import org.bson.",
            "import org.apache.kafka.", "import com.mongodb.", "import io.smallrye.");

    @Test
    void driverImportsNoFrameworkTypes() throws IOException {
        Path driver = Path.of("src/main/java/io/greenband/suggester/driver");
        try (Stream<Path> files = Files.walk(driver)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(java).isNotEmpty();
            for (Path p : java) {
                String text = Files.readString(p);
                FORBIDDEN.forEach(f -> assertThat(text).as(p.toString()).doesNotContain(f));
            }
        }
    }

    @Test
    void everyServicePackageHasAPackageInfo() throws IOException {
        Path root = Path.of("src/main/java/io/greenband/suggester");
        for (String pkg : List.of("driver", "adapter/messaging", "adapter/persistence", "config", "health")) {
            assertThat(root.resolve(pkg).resolve("package-info.java")).exists();
        }
    }
}
