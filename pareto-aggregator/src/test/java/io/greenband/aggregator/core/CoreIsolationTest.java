package io.greenband.aggregator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core stays plain Java: no framework, broker, database or event-module imports. */
class CoreIsolationTest {

  private static final List<String> FORBIDDEN = List.of("jakarta.", "javax.", "io.quarkus.", "org.bson.",
      "com.mongodb.", "org.apache.kafka.", "io.smallrye.", "io.cloudevents.", "com.fasterxml.", "io.greenband.events.");

  @Test
  void coreSourcesImportNoFrameworkTypes() throws IOException {
    Path core = Path.of("src/main/java/io/greenband/aggregator/core");
    assertThat(core).isDirectory();
    List<String> offences = new ArrayList<>();
    int files = 0;
    try (Stream<Path> paths = Files.walk(core)) {
      for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
        files++;
        for (String line : Files.readAllLines(p)) {
          String s = line.strip();
          if (s.startsWith("import ") && FORBIDDEN.stream().anyMatch(f -> s.contains(" " + f) || s.contains("static " + f))) {
            offences.add(core.relativize(p) + ": " + s);
          }
        }
      }
    }
    assertThat(files).isGreaterThan(30);
    assertThat(offences).isEmpty();
  }
}
