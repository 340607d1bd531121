package io.greenband.suggester.core.study;

import io.greenband.suggester.core.history.ConfigRecord;
import io.greenband.suggester.core.history.History;
import io.greenband.suggester.core.history.HistoryView;
import io.greenband.suggester.core.history.TrialRecord;
import io.greenband.suggester.core.history.TrialStatus;
import io.greenband.suggester.core.study.OptimizerSnapshot.ConfigEntry;
import io.greenband.suggester.core.study.OptimizerSnapshot.TrialEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Converts a history to and from its snapshot form. */
final class Snapshots {

    private Snapshots() {}

    static List<ConfigEntry> configs(HistoryView h) {
        List<ConfigEntry> out = new ArrayList<>(h.configCount());
        for (int i = 0; i < h.configCount(); i++) {
            ConfigRecord c = h.config(i);
            out.add(
                    new ConfigEntry(
                            c.configId(),
                            boxed(c.vector()),
                            c.origin(),
                            boxed(c.weights()),
                            c.firstTrial()));
        }
        return out;
    }

    static List<TrialEntry> trials(HistoryView h) {
        List<TrialEntry> out = new ArrayList<>(h.trialCount());
        for (int i = 0; i < h.trialCount(); i++) {
            TrialRecord t = h.trial(i);
            out.add(
                    new TrialEntry(
                            t.trialId(),
                            t.configId(),
                            t.level(),
                            t.budget(),
                            t.bracket(),
                            t.rung(),
                            t.split(),
                            t.promoted(),
                            t.status(),
                            boxed(t.costs()),
                            t.failure(),
                            t.finishOrder()));
        }
        return out;
    }

    /**
     * Replays the snapshot into {@code h}: configurations, trials, then results in arrival order.
     */
    static void replay(OptimizerSnapshot s, History h) {
        for (ConfigEntry c : s.configs()) {
            long id =
                    h.addConfig(
                            unboxed(c.vector()),
                            c.origin(),
                            c.weights() == null ? null : unboxed(c.weights()),
                            c.firstTrial());
            expect(
                    id == c.configId(),
                    "configuration ids must run 0,1,2,… in order; found " + c.configId());
        }
        for (TrialEntry t : s.trials()) {
            TrialRecord r =
                    h.addTrial(
                            t.configId(),
                            t.level(),
                            t.budget(),
                            t.bracket(),
                            t.rung(),
                            t.split(),
                            t.promoted());
            expect(
                    r.trialId() == t.trialId(),
                    "trial ids must run 0,1,2,… in order; found " + t.trialId());
        }
        List<TrialEntry> finished =
                new ArrayList<>(
                        s.trials().stream()
                                .filter(t -> t.status() != TrialStatus.PENDING)
                                .toList());
        finished.sort(Comparator.comparingLong(TrialEntry::finishOrder));
        for (TrialEntry t : finished) {
            if (t.status() == TrialStatus.SUCCESS) {
                expect(
                        t.costs() != null && t.costs().size() == h.objectives(),
                        "trial " + t.trialId() + " is SUCCESS but has no cost per objective");
                h.succeed(t.trialId(), unboxed(t.costs()));
            } else {
                h.fail(t.trialId(), t.failure());
            }
        }
    }

    private static List<Double> boxed(double[] v) {
        if (v == null) {
            return null;
        }
        return Arrays.stream(v).mapToObj(x -> Double.isNaN(x) ? null : x).toList();
    }

    private static double[] unboxed(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            Double x = v.get(i);
            out[i] = x == null ? Double.NaN : x;
        }
        return out;
    }

    private static void expect(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("snapshot: " + message);
        }
    }
}
