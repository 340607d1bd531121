package io.greenband.aggregator.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.events.deadletter.RejectedEvent;
import io.greenband.events.payload.EnergySample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleIdsTest {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static EnergySample sample(long seq, double joules) {
        return new EnergySample(
                "node-a",
                "sampler",
                EnergySample.Component.GPU,
                "GPU-0",
                "test GPU",
                0,
                EnergySample.Method.NVML_ENERGY_COUNTER,
                false,
                T,
                T.plusSeconds(10),
                10_000_000_000L,
                joules,
                null,
                null,
                null,
                0,
                false,
                100,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                seq);
    }

    @Test
    void aRedeliveryPassesAndAnotherPayloadUnderTheSameIdIsAConflict() {
        SampleIds ids = new SampleIds();
        ids.admit(sample(1, 1000));
        ids.admit(sample(1, 1000));
        ids.admit(sample(2, 500));
        assertThatThrownBy(() -> ids.admit(sample(1, 1001)))
                .isInstanceOfSatisfying(
                        RejectedEvent.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedEvent.Reason.CONFLICT))
                .hasMessageContaining("the first stands");
        // The first payload stands: it is still accepted afterwards.
        ids.admit(sample(1, 1000));
        assertThat(ids.size()).isEqualTo(2);
    }
}
