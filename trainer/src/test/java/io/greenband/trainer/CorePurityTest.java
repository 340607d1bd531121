package io.greenband.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The trainer core stays framework-free: no Quarkus, Jakarta, Kafka or BSON imports. */
class CorePurityTest {

    private static final List<String> CORE = List.of("dsnn", "data", "optim", "runner", "onnx", "worker");
    private static final List<String> FORBIDDEN = List.of("import jakarta.", "import io.quarkus.",
            "import org.apache.kafka.", "import org.bson.", "import io.smallrye.");

    @Test
    void corePackagesImportNoFrameworkTypes() throws IOException {
        Path root = Path.of("src/main/java/io/greenband/trainer");
        int files = 0;
        for (String pkg : CORE) {
            try (Stream<Path> sources = Files.walk(root.resolve(pkg))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    for (String line : Files.readAllLines(source)) {
                        for (String forbidden : FORBIDDEN) {
                            assertThat(line).as(source.toString()).doesNotStartWith(forbidden);
                        }
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(40);
    }
}
