package io.greenband.events.study;

import io.greenband.events.payload.Budget;
import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.Scheduler;
import io.greenband.events.payload.StudyDefined;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about a valid study that will not do what its author probably wants; the cli prints them
 * when a study is created. Today one: a budget that ends before any trial can reach the maximum
 * fidelity (a successive-halving scheduler starts with its most aggressive bracket, so a small
 * trial cap spends everything on cheap rungs and the front "at the maximum fidelity" stays empty).
 */
public final class StudyWarnings {

    private StudyWarnings() {}

    /**
     * The warnings for {@code study}, each one sentence with what to change; empty when there are
     * none.
     */
    public static List<String> of(StudyDefined study) {
        List<String> out = new ArrayList<>();
        Scheduler s = study.scheduler();
        Fidelity f = study.fidelity();
        Budget b = study.budget();
        if (f == null
                || b == null
                || !s.multiFidelity()
                || fullBudgetPreset(s.preset())
                || !(f.max() > f.min())) {
            return out;
        }
        int eta = f.eta() == null ? 3 : f.eta();
        int k = (int) Math.floor(Math.log(f.max() / f.min()) / Math.log(eta) + 1e-9);
        if (k < 1) {
            return out;
        }
        // First bracket: eta^k configurations at the lowest rung, eta^(k-1) at the next, ...; the
        // first trial
        // at the maximum comes after every lower-rung trial of that bracket (ASHA needs about as
        // many).
        long trialsBefore = 0;
        double fidelityBefore = 0;
        StringBuilder rungs = new StringBuilder();
        for (int j = 0; j < k; j++) {
            long n = Math.round(Math.pow(eta, k - j));
            double budget = f.max() / Math.pow(eta, k - j);
            trialsBefore += n;
            fidelityBefore += n * budget;
            rungs.append(j == 0 ? "" : ", ").append(n).append(" at ").append(trim(budget));
        }
        String fix =
                "; narrow the fidelity range, or set scheduler.preset: full-parego-rf to run every trial at "
                        + trim(f.max());
        if (b.maxTrials() != null && b.maxTrials() <= trialsBefore) {
            out.add(
                    "budget.maxTrials "
                            + b.maxTrials()
                            + " ends before any trial reaches the maximum fidelity "
                            + trim(f.max())
                            + ": the first bracket runs "
                            + trialsBefore
                            + " trials ("
                            + rungs
                            + ") before its first at "
                            + trim(f.max())
                            + "; raise maxTrials to at least "
                            + (trialsBefore + 1)
                            + fix);
        }
        if (b.totalFidelityBudget() != null && b.totalFidelityBudget() < fidelityBefore + f.max()) {
            out.add(
                    "budget.totalFidelityBudget "
                            + trim(b.totalFidelityBudget())
                            + " ends before any trial reaches "
                            + "the maximum fidelity "
                            + trim(f.max())
                            + ": the first bracket spends "
                            + trim(fidelityBefore)
                            + " ("
                            + rungs
                            + ") before its first trial at "
                            + trim(f.max())
                            + "; raise it to at least "
                            + trim(fidelityBefore + f.max())
                            + fix);
        }
        return out;
    }

    private static boolean fullBudgetPreset(String preset) {
        return "full-parego-rf".equals(preset)
                || "full-parego-gp".equals(preset)
                || "full-motpe".equals(preset)
                || "full-gp-motpe".equals(preset)
                || "random".equals(preset);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.3g", v);
    }
}
