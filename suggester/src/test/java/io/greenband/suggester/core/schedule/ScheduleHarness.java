package io.greenband.suggester.core.schedule;

import io.greenband.suggester.core.history.History;
import io.greenband.suggester.core.history.Origin;
import io.greenband.suggester.core.history.TrialRecord;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

/** Drives a scheduler over a real history; configuration i gets the vector {i}. */
final class ScheduleHarness {

    final BracketPlan plan;
    final History history;
    Scheduler scheduler;
    private long asks;

    ScheduleHarness(BracketPlan plan, int objectives) {
        this.plan = plan;
        this.history = new History(objectives, plan.levels());
    }

    TrialRecord ask() {
        long trialId = history.trialCount();
        Slot s =
                scheduler.next(
                        new SplittableRandom(asks++),
                        () ->
                                history.addConfig(
                                        new double[] {history.configCount()},
                                        Origin.RANDOM,
                                        null,
                                        trialId));
        return history.addTrial(
                s.configId(),
                s.level(),
                plan.levelBudget(s.level()),
                s.bracket(),
                s.rung(),
                0,
                s.promoted());
    }

    void tell(TrialRecord t, double... costs) {
        scheduler.onFinished(history.succeed(t.trialId(), costs));
    }

    void fail(TrialRecord t) {
        scheduler.onFinished(history.fail(t.trialId(), "crash"));
    }

    /** Sequential run: ask, tell at once with cost = f(configId) / budget. */
    TrialRecord step(LongToDoubleFunction cost) {
        TrialRecord t = ask();
        tell(t, cost.applyAsDouble(t.configId()) / t.budget());
        return t;
    }
}
