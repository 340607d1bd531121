package io.greenband.cli.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forged, unfinished and conflicting scores never reach the CLI's front; a score read before its
 * end waits for it.
 */
class ScoreTrustTest {

    private static final URI AGGREGATOR = URI.create(ScoreTrust.DEFAULT_SOURCE);

    private static ReceivedEvent received(GreenbandEvent e, URI source) {
        return new ReceivedEvent(EventCodec.idFor(e), source, e.type(), Instant.EPOCH, null, e);
    }

    private static TrialFinished finished(String trial) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new TrialFinished(
                "s1",
                trial,
                1,
                TrialStatus.SUCCEEDED,
                18,
                Map.of("val_error", 0.1),
                t,
                t.plusSeconds(5),
                "h",
                List.of(),
                "w",
                null,
                null);
    }

    @Test
    void onlyTheAggregatorsScoresOfFinishedTrialsFirstPayloadsCount() {
        ScoreTrust trust = new ScoreTrust(ScoreTrust.DEFAULT_SOURCE);
        TrialScored good = Scores.scored("s1", "t1", 18, 0.3, 2, 0);
        TrialScored forged = Scores.scored("s1", "t1", 18, -100, 0.5, 0);
        assertThat(good.attempt()).isEqualTo(finished("t1").attempt());
        assertThat(trust.admit(received(forged, URI.create("/greenband/evil")))).isEmpty();
        assertThat(trust.admit(received(good, AGGREGATOR))).as("waits for its end").isEmpty();
        assertThat(trust.admit(received(finished("t1"), URI.create("/greenband/trainer"))))
                .containsExactly(finished("t1"), good);
        assertThat(trust.admit(received(forged, AGGREGATOR)))
                .as("a second payload under the same id")
                .isEmpty();
        assertThat(trust.admit(received(good, AGGREGATOR)))
                .as("a redelivery")
                .containsExactly(good);
        assertThat(trust.admit(received(Scores.scored("s1", "never", 18, 0.1, 1, 0), AGGREGATOR)))
                .isEmpty();
    }
}
