package io.greenband.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.greenband.events.SampleEvents;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialScored;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** An event read before is written again with its own id and source, whichever codec writes it. */
class RepublishTest {

    @Test
    void aReceivedEventKeepsItsIdAndSource() {
        EventCodec aggregator = EventCodec.forSource("/greenband/greenband-pareto-aggregator");
        EventCodec cli = EventCodec.forSource("/greenband/cli");
        TrialScored scored = SampleEvents.trialScored();
        ReceivedEvent read = aggregator.decode(aggregator.toCloudEvent(scored, "scored-1"));

        CloudEvent again = cli.toCloudEvent(read);

        assertThat(again.getId()).isEqualTo("scored-1");
        assertThat(again.getSource())
                .isEqualTo(URI.create("/greenband/greenband-pareto-aggregator"));
        assertThat(cli.decode(again).payload()).isEqualTo(scored);
    }
}
