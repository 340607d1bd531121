package io.greenband.suggester.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.objective.RankingKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HyperbandSchedulerTest {

    private static ScheduleHarness hyperband(double min, double max, boolean rotate) {
        ScheduleHarness h = new ScheduleHarness(BracketPlan.of(min, max, 3), 1);
        h.scheduler =
                new HyperbandScheduler(h.plan, h.history, RankingKind.NSGA2.create(), rotate, null);
        return h;
    }

    /** Cost falls with the config id modulo 10, so the winners of a batch are known in advance. */
    private static double cost(long configId) {
        return 10 - (configId % 10);
    }

    @Test
    void sequentialRunIsClassicHyperband() {
        ScheduleHarness h = hyperband(1, 9, true);
        List<TrialRecord> trials = new ArrayList<>();
        // Bracket 0: 9 @1, 3 @3, 1 @9; bracket 1: 5 @3, 1 @9; bracket 2: 3 @9; then bracket 0
        // again.
        for (int i = 0; i < 9 + 3 + 1 + 5 + 1 + 3 + 1; i++) {
            trials.add(h.step(ScheduleTestSupport::cost));
        }
        int[] expectedBracket = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 0
        };
        double[] expectedBudget = {
            1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 9, 3, 3, 3, 3, 3, 9, 9, 9, 9, 1
        };
        for (int i = 0; i < trials.size(); i++) {
            assertThat(trials.get(i).bracket())
                    .as("trial %d bracket", i)
                    .isEqualTo(expectedBracket[i]);
            assertThat(trials.get(i).budget())
                    .as("trial %d budget", i)
                    .isEqualTo(expectedBudget[i]);
        }
        // Promotion: configs 0..8 have costs 10..2; the best three are 8, 7, 6; then the best of
        // them, 8.
        assertThat(trials.subList(9, 12))
                .extracting(TrialRecord::configId)
                .containsExactlyInAnyOrder(6L, 7L, 8L);
        assertThat(trials.subList(9, 12)).allMatch(TrialRecord::promoted);
        assertThat(trials.get(12).configId()).isEqualTo(8L);
        assertThat(trials.get(18).configId())
                .isEqualTo(9L); // bracket 1 holds configs 9..13; 9 has cost 1
    }

    @Test
    void promotionCountsFollowThePlan() {
        ScheduleHarness h = hyperband(1, 81, true);
        List<TrialRecord> firstStage = new ArrayList<>();
        for (int i = 0; i < 81; i++) {
            firstStage.add(h.ask());
        }
        assertThat(firstStage).allMatch(t -> t.bracket() == 0 && t.level() == 0);
        for (TrialRecord t : firstStage) {
            if (t.configId() % 9 == 0) {
                h.fail(t); // failures are never promoted
            } else {
                h.tell(t, cost(t.configId()));
            }
        }
        List<TrialRecord> second = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            second.add(h.ask());
        }
        assertThat(second).allMatch(t -> t.level() == 1 && t.rung() == 1 && t.promoted());
        assertThat(second)
                .extracting(TrialRecord::configId)
                .doesNotHaveDuplicates()
                .allMatch(c -> c % 9 != 0);
        double worstPromoted =
                second.stream().mapToDouble(t -> cost(t.configId())).max().orElseThrow();
        List<Long> promoted = second.stream().map(TrialRecord::configId).toList();
        assertThat(firstStage)
                .filteredOn(t -> t.configId() % 9 != 0 && !promoted.contains(t.configId()))
                .allMatch(t -> cost(t.configId()) >= worstPromoted);
        TrialRecord next = h.ask();
        assertThat(next.bracket())
                .as("all 27 pending: a new batch opens in the next bracket")
                .isEqualTo(1);
    }

    @Test
    void inFlightAsksOpenNewBatchesInRotation() {
        ScheduleHarness h = hyperband(1, 9, true);
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < 9 + 5 + 3 + 9; i++) {
            trials.add(h.ask());
        }
        assertThat(trials.subList(0, 9)).allMatch(t -> t.bracket() == 0 && t.budget() == 1);
        assertThat(trials.subList(9, 14)).allMatch(t -> t.bracket() == 1 && t.budget() == 3);
        assertThat(trials.subList(14, 17)).allMatch(t -> t.bracket() == 2 && t.budget() == 9);
        assertThat(trials.subList(17, 26)).allMatch(t -> t.bracket() == 0 && t.budget() == 1);
        assertThat(trials).extracting(TrialRecord::configId).doesNotHaveDuplicates();
    }

    @Test
    void successiveHalvingStaysInBracketZero() {
        ScheduleHarness h = hyperband(1, 9, false);
        for (int i = 0; i < 40; i++) {
            assertThat(h.step(ScheduleTestSupport::cost).bracket()).isZero();
        }
    }

    @Test
    void stateRoundTripContinuesIdentically() {
        ScheduleHarness h = hyperband(1, 27, true);
        List<TrialRecord> pending = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pending.add(h.ask());
        }
        for (TrialRecord t : pending.subList(0, 27)) {
            h.tell(t, cost(t.configId()));
        }
        ScheduleState state = h.scheduler.state();
        Scheduler copy =
                new HyperbandScheduler(h.plan, h.history, RankingKind.NSGA2.create(), true, state);
        assertThat(copy.state()).isEqualTo(state);
    }
}
