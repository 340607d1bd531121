package io.greenband.suggester.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The per-study state machine, fed events by hand. */
class SuggesterDriverTest {

    private static final Instant NOW = Studies.T0.plusSeconds(1);

    private final SuggesterDriver driver = new SuggesterDriver();
    private final List<TrialSuggested> suggested = new ArrayList<>();
    private final Deque<TrialSuggested> open = new ArrayDeque<>();

    @Test
    void keepsParallelismInFlightAndStopsAtMaxTrials() {
        feed(Studies.study("s1", 3, 10, 1, 60));
        assertThat(open).hasSize(3);
        while (!open.isEmpty()) {
            feed(Studies.score(open.poll()));
            assertThat(driver.run("s1").orElseThrow().inFlightCount()).isLessThanOrEqualTo(3);
        }
        assertThat(suggested).hasSize(10);
        assertThat(suggested).extracting(TrialSuggested::trialId).doesNotHaveDuplicates();
        Emission stop = driver.decide(NOW).orElseThrow();
        assertThat(stop.event())
                .isInstanceOfSatisfying(
                        StudyStopped.class,
                        s -> {
                            assertThat(s.reason()).isEqualTo(StudyStopped.Reason.BUDGET_EXHAUSTED);
                            assertThat(s.detail()).contains("maxTrials 10");
                        });
        assertThat(stop.stamp()).hasValue(driver.run("s1").orElseThrow().seq());
    }

    @Test
    void sameInputsGiveTheSameSuggestions() {
        feed(Studies.study("s1", 2, 8, 1, 60));
        while (!open.isEmpty()) {
            feed(Studies.score(open.poll()));
        }
        SuggesterDriverTest again = new SuggesterDriverTest();
        again.feed(Studies.study("s1", 2, 8, 1, 60));
        while (!again.open.isEmpty()) {
            again.feed(Studies.score(again.open.poll()));
        }
        assertThat(again.suggested).isEqualTo(suggested);
    }

    @Test
    void expiredLeaseIsDecidedLostThenRetriedThenToldAsFailure() {
        feed(Studies.study("s1", 1, 5, 1, 10));
        TrialSuggested first = open.poll();
        assertThat(driver.decide(NOW.plusSeconds(5))).isEmpty();
        Emission lost = driver.decide(NOW.plusSeconds(11)).orElseThrow();
        assertThat(lost.event())
                .isInstanceOfSatisfying(
                        TrialFinished.class,
                        f -> {
                            assertThat(f.status()).isEqualTo(TrialStatus.LOST);
                            assertThat(f.attempt()).isEqualTo(1);
                        });
        // Nothing happens until the decision is read back from the log.
        assertThat(open).isEmpty();
        feed(lost.event(), lost.stamp());
        TrialSuggested retry = open.poll();
        assertThat(retry.trialId()).isEqualTo(first.trialId());
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.config()).isEqualTo(first.config());

        Emission lostAgain = driver.decide(NOW.plusSeconds(60)).orElseThrow();
        feed(lostAgain.event(), lostAgain.stamp());
        TrialSuggested next = open.poll();
        assertThat(next.trialId()).isNotEqualTo(first.trialId());
        assertThat(next.attempt()).isEqualTo(1);
    }

    @Test
    void heartbeatsKeepTheLeaseAndAFailedScoreOfALostAttemptIsIgnored() {
        feed(Studies.study("s1", 1, 5, 2, 10));
        TrialSuggested first = open.poll();
        Emission lost = driver.decide(NOW.plusSeconds(11)).orElseThrow();
        feed(lost.event(), lost.stamp());
        TrialSuggested retry = open.poll();
        feed(Studies.failed(first));
        assertThat(driver.run("s1").orElseThrow().inFlightCount()).isEqualTo(1);
        assertThat(open).isEmpty();
        feed(Studies.score(retry));
        assertThat(open).hasSize(1);
    }

    @Test
    void aDecisionReadEarlyWaitsForItsStamp() {
        feed(Studies.study("s1", 2, 6, 1, 10));
        TrialSuggested a = open.poll();
        TrialSuggested b = open.poll();
        StudyRun run = driver.run("s1").orElseThrow();
        StudyStopped stop =
                new StudyStopped("s1", StudyStopped.Reason.REQUESTED, "stop requested", NOW);
        feed(stop, OptionalLong.of(run.seq() + 1));
        assertThat(run.stopped()).isFalse();
        assertThat(run.hasHeldDecisions()).isTrue();
        feed(Studies.score(a));
        // The score was applied first (one refill), then the stop.
        assertThat(open).hasSize(1);
        assertThat(run.stopped()).isTrue();
        feed(Studies.score(b));
        assertThat(open).hasSize(1);
        assertThat(driver.decide(NOW.plusSeconds(99))).isEqualTo(Optional.empty());
    }

    @Test
    void restoredRunSuggestsWhatTheOriginalWould() {
        StudyDefined def = Studies.study("s1", 2, 12, 1, 60);
        feed(def);
        for (int i = 0; i < 4; i++) {
            feed(Studies.score(open.poll()));
        }
        SuggesterDriverTest resumed = new SuggesterDriverTest();
        resumed.driver.restore(def, driver.run("s1").orElseThrow().state(), NOW);
        resumed.open.addAll(open);
        while (!open.isEmpty()) {
            TrialSuggested s = open.poll();
            feed(Studies.score(s));
            resumed.feed(Studies.score(resumed.open.poll()));
        }
        List<TrialSuggested> tail =
                suggested.subList(suggested.size() - resumed.suggested.size(), suggested.size());
        assertThat(resumed.suggested).isNotEmpty().isEqualTo(tail);
    }

    private void feed(GreenbandEvent event) {
        feed(event, OptionalLong.empty());
    }

    private void feed(GreenbandEvent event, OptionalLong stamp) {
        for (Emission e : driver.onEvent(event, stamp, Studies.T0, NOW)) {
            TrialSuggested s = (TrialSuggested) e.event();
            suggested.add(s);
            open.add(s);
        }
    }
}
