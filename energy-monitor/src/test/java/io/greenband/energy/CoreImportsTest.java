package io.greenband.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core packages stay framework-free: no Quarkus, Jakarta, Kafka, BSON or Micrometer imports. */
class CoreImportsTest {

    private static final Path MAIN = Path.of("src/main/java/io/greenband/energy");
    private static final List<String> CORE = List.of("source", "sampler", "nvml", "rapl", "estimate", "node", "usage");
    private static final List<String> FORBIDDEN = List.of("import jakarta.", "import io.quarkus.", "import org.bson.",
            "import org.apache.kafka.", "import io.micrometer.", "import io.smallrye.", "import io.greenband.energy.adapter",
            "import io.greenband.energy.config");

    @Test
    void corePackagesImportNoFramework() throws IOException {
        List<String> offending = new ArrayList<>();
        int files = 0;
        for (String pkg : CORE) {
            try (Stream<Path> s = Files.walk(MAIN.resolve(pkg))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    for (String line : Files.readAllLines(f)) {
                        if (FORBIDDEN.stream().anyMatch(line::startsWith)) {
                            offending.add(MAIN.relativize(f) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(files).as("core source files scanned").isGreaterThan(20);
        assertThat(offending).isEmpty();
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> l = Files.list(d)) {
                    hasJava = l.anyMatch(p -> p.toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(d.resolve("package-info.java"))) {
                    missing.add(MAIN.relativize(d).toString());
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
