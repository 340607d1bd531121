package io.greenband.aggregator.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Event time, sample time, idle time and the configurable bound on clock skew. */
class EventClockTest {

    private static final Instant WALL = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock FIXED = Clock.fixed(WALL, ZoneOffset.UTC);

    @Test
    void anEventBeyondTheSkewBoundDoesNotMoveTime() {
        EventClock time = new EventClock(FIXED, Duration.ofMinutes(5));
        time.advance(WALL.plus(Duration.ofMinutes(6)), true);
        assertThat(time.energyNow(Duration.ZERO)).isEqualTo(Instant.EPOCH);
        time.advance(WALL.plus(Duration.ofMinutes(4)), true);
        assertThat(time.energyNow(Duration.ZERO)).isEqualTo(WALL.plus(Duration.ofMinutes(4)));
    }

    @Test
    void theBoundIsASetting() {
        EventClock strict = new EventClock(FIXED, Duration.ZERO);
        strict.advance(WALL.plusSeconds(1), true);
        assertThat(strict.energyNow(Duration.ZERO)).isEqualTo(Instant.EPOCH);
        EventClock loose = new EventClock(FIXED, Duration.ofHours(1));
        loose.advance(WALL.plus(Duration.ofMinutes(30)), true);
        assertThat(loose.energyNow(Duration.ZERO)).isEqualTo(WALL.plus(Duration.ofMinutes(30)));
        assertThatThrownBy(() -> new EventClock(FIXED, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxClockSkew");
        assertThatThrownBy(
                        () ->
                                ScoringEngine.builder()
                                        .setStore(new InMemoryScoreStore())
                                        .setStudyStore(new InMemoryStudyStore())
                                        .setPublisher(EventPublisher.none())
                                        .optMaxClockSkew(Duration.ofSeconds(-1))
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxClockSkew");
    }

    @Test
    void waitsEndByTheOlderOfSampleAndEventTime() {
        EventClock time = new EventClock(FIXED, Duration.ofMinutes(5));
        Instant t = WALL.minus(Duration.ofHours(1));
        time.advance(t, false);
        time.advance(t.minusSeconds(30), true);
        assertThat(time.waitsNow(Duration.ZERO)).isEqualTo(t.minusSeconds(30));
        assertThat(time.energyNow(Duration.ofSeconds(10))).isEqualTo(t.minusSeconds(20));
        assertThat(time.idle()).isEqualTo(Duration.ZERO);
    }
}
