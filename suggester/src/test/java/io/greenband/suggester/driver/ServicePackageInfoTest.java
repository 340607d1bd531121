package io.greenband.suggester.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every service package says what it is for (the import rules are in {@code
 * io.greenband.suggester.ArchitectureTest}).
 */
class ServicePackageInfoTest {

    @Test
    void everyServicePackageHasAPackageInfo() throws IOException {
        Path root = Path.of("src/main/java/io/greenband/suggester");
        for (String pkg :
                List.of("driver", "adapter/messaging", "adapter/persistence", "config", "health")) {
            assertThat(root.resolve(pkg).resolve("package-info.java")).exists();
        }
    }
}
