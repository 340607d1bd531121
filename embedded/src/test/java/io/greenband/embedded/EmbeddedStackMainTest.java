package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.topic.Topic;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedStackMainTest {

    @Test
    void parsesEveryOption() {
        EmbeddedStackSettings s =
                EmbeddedStackMain.parse(
                        new String[] {
                            "--data-dir",
                            "stack-data",
                            "--kafka-port",
                            "19092",
                            "--controller-port",
                            "19093",
                            "--mongo-port",
                            "27018",
                            "--topic-prefix",
                            "dev.",
                            "--partitions",
                            "2",
                            "--change-streams",
                            "--exit-on-stdin-close"
                        });
        assertThat(s.dataDirectory()).contains(Path.of("stack-data"));
        assertThat(s.kafkaPort()).isEqualTo(19092);
        assertThat(s.controllerPort()).isEqualTo(19093);
        assertThat(s.mongoPort()).isEqualTo(27018);
        assertThat(s.topics().name(Topic.STUDIES)).isEqualTo("dev.studies");
        assertThat(s.topics().spec(Topic.TRIAL_SUGGESTED).partitions()).isEqualTo(2);
        assertThat(s.changeStreams()).isTrue();
    }

    @Test
    void defaultsToTemporaryDirectoryFreePortsAndLocalPartitions() {
        EmbeddedStackSettings s = EmbeddedStackMain.parse(new String[0]);
        assertThat(s.dataDirectory()).isEmpty();
        assertThat(s.kafkaPort()).isZero();
        assertThat(s.mongoPort()).isZero();
        assertThat(s.topics().prefix()).isEmpty();
        assertThat(s.topics().spec(Topic.TRIAL_FINISHED).partitions())
                .isEqualTo(EmbeddedStackSettings.LOCAL_PARTITIONS);
        assertThat(s.changeStreams()).isFalse();
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> EmbeddedStackMain.parse(new String[] {"--kafka-port", "ninety"}))
                .hasMessageContaining("--kafka-port")
                .hasMessageContaining("ninety");
        assertThatThrownBy(() -> EmbeddedStackMain.parse(new String[] {"--verbose"}))
                .hasMessageContaining("--verbose");
        assertThatThrownBy(() -> EmbeddedStackMain.parse(new String[] {"--partitions", "0"}))
                .hasMessageContaining("--partitions");
        assertThatThrownBy(() -> EmbeddedStackMain.parse(new String[] {"--mongo-port", "70000"}))
                .hasMessageContaining("mongoPort");
    }
}
