package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.embedded.junit.EmbeddedStackTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a second stack gets when the first one holds its ports or its directory, and how a temp
 * stack cleans up.
 */
@EmbeddedStackTest
class StackFailuresIT {

    static EmbeddedStack shared;

    @Test
    void fixedKafkaPortInUseIsNamedWithTheFix() {
        assertThatThrownBy(() -> EmbeddedStack.builder().optKafkaPort(shared.kafkaPort()).start())
                .isInstanceOfSatisfying(
                        EmbeddedStackException.class,
                        e ->
                                assertThat(e.kind())
                                        .isEqualTo(EmbeddedStackException.Kind.PORT_IN_USE))
                .hasMessageContaining("Kafka port " + shared.kafkaPort())
                .hasMessageContaining("optKafkaPort");
    }

    @Test
    void fixedMongoPortInUseIsNamedWithTheFix() {
        assertThatThrownBy(() -> EmbeddedStack.builder().optMongoPort(shared.mongoPort()).start())
                .isInstanceOfSatisfying(
                        EmbeddedStackException.class,
                        e ->
                                assertThat(e.kind())
                                        .isEqualTo(EmbeddedStackException.Kind.PORT_IN_USE))
                .hasMessageContaining("MongoDB port " + shared.mongoPort());
    }

    @Test
    void aSecondStackOnTheSameDirectoryIsRefused(@TempDir Path dir) {
        try (EmbeddedStack first = EmbeddedStack.builder().optDataDirectory(dir).start()) {
            assertThatThrownBy(() -> EmbeddedStack.builder().optDataDirectory(dir).start())
                    .isInstanceOfSatisfying(
                            EmbeddedStackException.class,
                            e ->
                                    assertThat(e.kind())
                                            .isEqualTo(EmbeddedStackException.Kind.DATA_DIRECTORY))
                    .hasMessageContaining(dir.toAbsolutePath().toString())
                    .hasMessageContaining("in use");
            assertThat(first.isRunning()).isTrue();
        }
    }

    @Test
    void aTemporaryStackDeletesItsDirectoryAndClosesOnce() {
        EmbeddedStack stack = EmbeddedStack.builder().start();
        Path dir = stack.dataDirectory();
        assertThat(dir.resolve("kafka/logs/meta.properties")).exists();
        stack.close();
        stack.close();
        assertThat(stack.isRunning()).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }
}
