package io.greenband.aggregator.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The driver stays plain Java: no framework, broker, database or adapter types; MongoDB and Kafka live in adapters. */
class DriverIsolationTest {

    private static final List<String> FORBIDDEN = List.of("jakarta.", "javax.", "io.quarkus.", "org.bson.",
            "com.mongodb.", "org.apache.kafka.", "io.smallrye.", "io.cloudevents.", "org.jboss.", "org.eclipse.",
            "io.greenband.servicekit.", "io.greenband.aggregator.adapter.", "io.greenband.aggregator.config.");

    @Test
    void driverSourcesImportNoFrameworkOrAdapterTypes() throws IOException {
        Path driver = Path.of("src/main/java/io/greenband/aggregator/driver");
        assertThat(driver).isDirectory();
        List<String> offences = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(driver)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                String text = Files.readString(p);
                for (String f : FORBIDDEN) {
                    // Fully qualified uses count as much as imports.
                    if (text.contains(f)) {
                        offences.add(driver.relativize(p) + ": " + f);
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(10);
        assertThat(offences).isEmpty();
    }
}
