package io.greenband.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.EventType;
import io.greenband.events.SampleEvents;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.HostFacts;
import io.greenband.events.payload.InvalidFieldException;
import io.greenband.events.study.StudyLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The machine's facts on energy samples: they round-trip, and hostile values are refused by schema
 * and record.
 */
class HostFactsTest {

    private final PayloadCodec codec = new PayloadCodec(StudyLimits.DEFAULTS, true);

    private static HostFacts facts() {
        return new HostFacts(
                "Debian GNU/Linux 12 (bookworm)",
                "Intel(R) Xeon(R) Platinum 8480C",
                224,
                2L << 40,
                "NVIDIA H200",
                8,
                "DE",
                "Hesse, Frankfurt");
    }

    @Test
    void factsRoundTripAndOlderSamplesStayUnchanged() {
        EnergySample sample = SampleEvents.energySample().withMachine(facts());
        byte[] json = codec.toJson(sample);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"machine\"")
                .contains("\"cpuCount\":224");
        assertThat(codec.decodePayload(EventType.ENERGY_SAMPLE, json)).isEqualTo(sample);
        assertThat(new String(codec.toJson(SampleEvents.energySample()), StandardCharsets.UTF_8))
                .doesNotContain("machine");
        // Every field is optional: a monitor that learned nothing sends an empty object.
        HostFacts none = new HostFacts(null, null, null, null, null, null, null, null);
        EnergySample bare = SampleEvents.energySample().withMachine(none);
        assertThat(codec.decodePayload(EventType.ENERGY_SAMPLE, codec.toJson(bare)))
                .isEqualTo(bare);
    }

    @Test
    void theRecordRefusesHostileValues() {
        String longText = "x".repeat(HostFacts.MAX_TEXT + 1);
        assertThatThrownBy(() -> new HostFacts(longText, null, null, null, null, null, null, null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("machine/os")
                .hasMessageContaining("256");
        assertThatThrownBy(
                        () ->
                                new HostFacts(
                                        null,
                                        "Xeon\n=HYPERLINK(1)",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("control");
        assertThatThrownBy(() -> new HostFacts(null, "  ", null, null, null, null, null, null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("machine/cpuModel");
        assertThatThrownBy(() -> new HostFacts(null, null, 0, null, null, null, null, null))
                .hasMessageContaining("machine/cpuCount");
        assertThatThrownBy(
                        () ->
                                new HostFacts(
                                        null,
                                        null,
                                        HostFacts.MAX_CPUS + 1,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null))
                .hasMessageContaining("machine/cpuCount");
        assertThatThrownBy(() -> new HostFacts(null, null, null, -1L, null, null, null, null))
                .hasMessageContaining("machine/memTotalBytes");
        assertThatThrownBy(
                        () ->
                                new HostFacts(
                                        null, null, null, Long.MAX_VALUE, null, null, null, null))
                .hasMessageContaining("machine/memTotalBytes");
        assertThatThrownBy(() -> new HostFacts(null, null, null, null, null, -1, null, null))
                .hasMessageContaining("machine/gpuCount");
        assertThatThrownBy(() -> new HostFacts(null, null, null, null, null, null, "deu", null))
                .hasMessageContaining("machine/countryIsoCode");
        assertThatThrownBy(
                        () ->
                                new HostFacts(
                                        null, null, null, null, null, null, null, "r".repeat(65)))
                .hasMessageContaining("machine/region");
    }

    @Test
    void theSchemaRefusesHostileValuesBeforeAnyRecordIsBuilt() {
        String good =
                new String(
                        codec.toJson(SampleEvents.energySample().withMachine(facts())),
                        StandardCharsets.UTF_8);
        String[][] hostile = {
            {"\"cpuCount\":224", "\"cpuCount\":1e9"},
            {"\"cpuCount\":224", "\"cpuCount\":\"many\""},
            {"\"gpuCount\":8", "\"gpuCount\":-3"},
            {"\"memTotalBytes\":2199023255552", "\"memTotalBytes\":9223372036854775807"},
            {"\"countryIsoCode\":\"DE\"", "\"countryIsoCode\":\"Germany\""},
            {"\"region\":\"Hesse, Frankfurt\"", "\"region\":\"" + "r".repeat(65) + "\""},
            {"\"os\":\"Debian GNU/Linux 12 (bookworm)\"", "\"os\":\"" + "o".repeat(5000) + "\""},
            {"\"gpuModel\":\"NVIDIA H200\"", "\"gpuModel\":\"H200\\u0007\""},
        };
        for (String[] h : hostile) {
            assertThat(good).contains(h[0]);
            byte[] bad = good.replace(h[0], h[1]).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> codec.decodePayload(EventType.ENERGY_SAMPLE, bad))
                    .as(h[1])
                    .isInstanceOf(EventDecodingException.class)
                    .hasMessageContaining("machine");
        }
    }
}
