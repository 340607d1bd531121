package io.greenband.suggester.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.objective.Ranking;
import io.greenband.suggester.core.objective.RankingKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AshaSchedulerTest {

    private static ScheduleHarness asha(RankingKind ranking, int objectives) {
        ScheduleHarness h = new ScheduleHarness(BracketPlan.of(1, 9, 3), objectives);
        h.scheduler = new AshaScheduler(h.plan, h.history, ranking.create());
        return h;
    }

    @Test
    void promotesAsSoonAsARungHasEnoughResults() {
        ScheduleHarness h = asha(RankingKind.NSGA2, 1);
        TrialRecord a = h.ask();
        TrialRecord b = h.ask();
        h.tell(a, 5);
        h.tell(b, 1);
        TrialRecord c = h.ask();
        assertThat(c.level()).as("2 results: top floor(2/3) = 0, start a new config").isZero();
        h.tell(c, 3);
        TrialRecord d = h.ask();
        assertThat(d.configId()).as("3 results: the best (b) is promoted").isEqualTo(b.configId());
        assertThat(d.level()).isEqualTo(1);
        assertThat(d.promoted()).isTrue();
        TrialRecord e = h.ask();
        assertThat(e.level())
                .as("b already promoted and pending: a fresh config, nobody waits")
                .isZero();
    }

    @Test
    void freeWorkersNeverWait() {
        ScheduleHarness h = asha(RankingKind.NSGA2, 2);
        List<TrialRecord> inFlight = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inFlight.add(h.ask());
        }
        assertThat(inFlight).allMatch(t -> t.level() == 0);
        assertThat(inFlight).extracting(TrialRecord::configId).doesNotHaveDuplicates();
    }

    @Test
    void climbsToTheTopRungAndPromotesOnlyFromTheCurrentTopThird() {
        ScheduleHarness h = asha(RankingKind.EPSNET, 2);
        int[] perLevel = new int[3];
        for (int i = 0; i < 200; i++) {
            TrialRecord t = h.ask();
            perLevel[t.level()]++;
            if (t.promoted()) {
                // At the moment of promotion the configuration is in the top floor(n/eta) of the
                // rung below.
                List<TrialRecord> rung = h.history.finishedAt(t.level() - 1);
                double[][] costs = rung.stream().map(TrialRecord::costs).toArray(double[][]::new);
                int[] ranks = Ranking.ranksOf(RankingKind.EPSNET.create().order(costs, null));
                int position = -1;
                for (int k = 0; k < rung.size(); k++) {
                    if (rung.get(k).configId() == t.configId()) {
                        position = ranks[k];
                    }
                }
                assertThat(position).isBetween(0, rung.size() / 3 - 1);
            }
            double x = (t.configId() * 0.618033988749895) % 1.0;
            h.tell(t, x / t.budget(), (1 - x) / t.budget() + (t.configId() % 7 == 0 ? 5 : 0));
        }
        assertThat(perLevel[2]).isPositive();
        assertThat(perLevel[1]).isLessThan(perLevel[0]);
        assertThat(perLevel[2]).isLessThan(perLevel[1]);
    }

    @Test
    void aDominatingTrialIsPromotedFirst() {
        ScheduleHarness h = asha(RankingKind.NSGA2, 2);
        TrialRecord[] t = new TrialRecord[4];
        for (int i = 0; i < 4; i++) {
            t[i] = h.ask();
        }
        h.tell(t[0], 0.5, 0.5);
        h.tell(t[1], 0.6, 0.6);
        h.tell(t[2], 0.7, 0.7);
        h.tell(t[3], 0.1, 0.1);
        TrialRecord next = h.ask();
        assertThat(next.configId()).isEqualTo(t[3].configId());
        assertThat(next.level()).isEqualTo(1);
    }

    @Test
    void failuresAreNeverPromoted() {
        ScheduleHarness h = asha(RankingKind.PAREGO, 2);
        for (int i = 0; i < 30; i++) {
            TrialRecord t = h.ask();
            if (t.level() == 0 && t.configId() % 2 == 0) {
                h.fail(t);
            } else {
                h.tell(t, t.configId(), 100 - t.configId());
            }
        }
        for (int i = 0; i < h.history.trialCount(); i++) {
            TrialRecord t = h.history.trial(i);
            if (t.promoted()) {
                assertThat(t.configId() % 2).isEqualTo(1);
            }
        }
    }
}
