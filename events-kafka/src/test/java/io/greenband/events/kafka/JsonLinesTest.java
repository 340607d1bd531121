package io.greenband.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.GreenbandEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every event type survives a CloudEvents JSON-lines export and import unchanged. */
class JsonLinesTest {

    private final EventCodec codec =
            EventCodec.builder().setSource("/greenband/test").optValidateOnEncode(true).build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void jsonLinesExportRoundTrips(EventType type) {
        GreenbandEvent sample = SampleEvents.of(type);
        byte[] line = codec.toJsonLine(sample);

        ReceivedEvent back = codec.fromJsonLine(line);

        assertThat(back.payload()).isEqualTo(sample);
        assertThat(back.id()).isEqualTo(EventCodec.idFor(sample));
        assertThat(new String(line, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("\n")
                .contains("\"type\":\"" + type.ceType() + "\"")
                .contains("\"data\":{");
    }
}
