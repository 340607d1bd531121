package io.greenband.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.topic.TopicRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class EmbeddedStackSettingsTest {

    @Test
    void portsMustBeInRangeAndDistinct() {
        assertThatThrownBy(() -> EmbeddedStack.builder().optKafkaPort(-1).build())
                .hasMessageContaining("kafkaPort");
        assertThatThrownBy(() -> EmbeddedStack.builder().optControllerPort(65_536).build())
                .hasMessageContaining("controllerPort");
        assertThatThrownBy(
                        () -> EmbeddedStack.builder().optKafkaPort(9092).optMongoPort(9092).build())
                .hasMessageContaining("must differ");
    }

    @Test
    void brokerPropertiesOverrideDefaults() {
        EmbeddedStackSettings s =
                EmbeddedStack.builder()
                        .optBrokerProperty("auto.create.topics.enable", "true")
                        .optTopics(TopicRegistry.withPrefix("x."))
                        .build();
        var props = KafkaBroker.properties(java.nio.file.Path.of("k"), 1, 2, s.brokerProperties());
        assertThat(props.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:1,CONTROLLER://127.0.0.1:2");
        assertThat(props.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(s.topics().prefix()).isEqualTo("x.");
    }

    @Test
    void aFixedPortInUseFailsBeforeAnythingStartsAndNamesTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedStack.builder().optKafkaPort(port).start())
                    .isInstanceOfSatisfying(
                            EmbeddedStackException.class,
                            e ->
                                    assertThat(e.kind())
                                            .isEqualTo(EmbeddedStackException.Kind.PORT_IN_USE))
                    .hasMessageContaining("Kafka port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--kafka-port");
        }
    }
}
