package io.greenband.cli.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.events.payload.TrialStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoredTrialsTest {

    @Test
    void foldsLatestRevisionCountsAndTopFidelityFront() {
        ScoredTrials s = new ScoredTrials("s1");
        s.add(Scores.scored("s1", "t1", 6, 0.5, 2, 0));
        s.add(Scores.scored("s1", "t2", 18, 0.3, 3, 0));
        s.add(Scores.scored("s1", "t3", 18, 0.4, 1, 0));
        s.add(Scores.scored("s1", "t4", 18, 0.6, 4, 0));
        s.add(Scores.scored("s1", "t4", 18, 0.2, 2.5, 1)); // re-scored: now dominates t2
        s.add(Scores.scored("s1", "t4", 18, 0.9, 9, 0)); // stale revision, ignored
        s.add(Scores.failed("s1", "t5"));
        s.add(Scores.scored("other", "x", 18, 0.0, 0, 0)); // another study
        assertThat(s.counts())
                .containsEntry(TrialStatus.SUCCEEDED, 4)
                .containsEntry(TrialStatus.FAILED, 1);
        assertThat(s.topFidelity()).isEqualTo(18.0);
        assertThat(s.front(false)).extracting(Point::trialId).containsExactlyInAnyOrder("t3", "t4");
        assertThat(s.front(true)).extracting(Point::trialId).containsExactlyInAnyOrder("t3", "t4");
        assertThat(s.best()).containsExactly(0.2, 1.0);
        assertThat(s.hypervolumeHistory()).hasSize(5).allMatch(v -> v >= 0);
    }

    @Test
    void withTheStudysReferenceTheHistoryIsInObjectiveUnitsAndNeverFalls() {
        ScoredTrials s = new ScoredTrials("s1", new double[] {1.0, 10.0});
        s.add(Scores.scored("s1", "t1", 18, 0.5, 2, 0));
        s.add(Scores.scored("s1", "t2", 18, 0.3, 8, 0));
        s.add(Scores.scored("s1", "t3", 18, 0.9, 9, 0)); // dominated: the volume stays
        assertThat(s.fixedFrame()).isTrue();
        // t1 alone: 0.5 * 8 = 4; with t2: + (0.5 - 0.3) * (10 - 8) = 0.4
        assertThat(s.hypervolumeHistory()).containsExactly(4.0, 4.4, 4.4);
        assertThat(new ScoredTrials("s1").fixedFrame()).isFalse();
    }

    @Test
    void atTheStudysMaximumFidelityTheHistoryDoesNotFallWhenTheFirstTrialReachesIt() {
        double[] reference = {1.0, 10.0};
        ScoredTrials atMax = new ScoredTrials("s1", reference, 18);
        ScoredTrials highestSeen = new ScoredTrials("s1", reference);
        for (ScoredTrials s : List.of(atMax, highestSeen)) {
            s.add(Scores.scored("s1", "t1", 6, 0.1, 1, 0));
            s.add(Scores.scored("s1", "t2", 6, 0.2, 0.5, 0));
            s.add(Scores.scored("s1", "t3", 18, 0.5, 2, 0));
            s.add(Scores.scored("s1", "t4", 18, 0.3, 8, 0));
        }
        // Nothing at fidelity 18 for the first two trials; then 0.5 * 8 = 4 and 4 + 0.2 * 2 = 4.4.
        assertThat(atMax.hypervolumeHistory()).containsExactly(0.0, 0.0, 4.0, 4.4);
        // The fidelity-6 front's volume, then a fall to the fidelity-18 front's when t3 arrives.
        List<Double> seen = highestSeen.hypervolumeHistory();
        assertThat(seen.get(2)).isLessThan(seen.get(1));
    }

    @Test
    void aZeroHypervolumeSaysWhy() {
        ScoredTrials s = new ScoredTrials("s1", new double[] {1.0, 0.05}, 18);
        s.add(Scores.scored("s1", "t1", 6, 0.1, 0.01, 0));
        assertThat(s.zeroHypervolumeReason())
                .hasValue("no trial has reached the top fidelity 18 yet");
        s.add(Scores.scored("s1", "t2", 18, 0.3, 0.4, 0));
        assertThat(s.zeroHypervolumeReason())
                .hasValue(
                        "every top-fidelity point lies outside the reference point: emissions_g best 0.4 vs reference 0.05");
        s.add(Scores.scored("s1", "t3", 18, 0.5, 0.02, 0));
        assertThat(s.hypervolumeHistory().get(2)).isPositive();
        assertThat(s.zeroHypervolumeReason()).isEmpty();
    }
}
