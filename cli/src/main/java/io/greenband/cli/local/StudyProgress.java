package io.greenband.cli.local;

import io.greenband.cli.front.FrontTable;
import io.greenband.cli.front.ScoredTrials;
import io.greenband.cli.report.ReportExtras;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a study stands, folded from its events as they arrive: trials done, in flight and failed,
 * the scored trials (best values, hypervolume), the energy measured since the study started, and
 * whether it stopped.
 */
public final class StudyProgress {

    private final String studyId;
    private final Instant since;
    private final Set<String> suggested = new HashSet<>();
    private final Set<String> finished = new HashSet<>();
    private final ScoredTrials scored;
    private final ReportExtras extras;
    private int failed;
    private double joules;
    private StudyStopped stopped;

    /**
     * @param studyId the study
     * @param since energy measured before this instant is not counted
     */
    public StudyProgress(String studyId, Instant since) {
        this(studyId, since, null);
    }

    /**
     * @param studyId the study
     * @param since energy measured before this instant is not counted
     * @param reference the study's hypervolume reference point in objective units, or null for the
     *     derived frame
     */
    public StudyProgress(String studyId, Instant since, double[] reference) {
        this(studyId, since, reference, Double.NaN);
    }

    /**
     * @param studyId the study
     * @param since energy measured before this instant is not counted
     * @param reference the study's hypervolume reference point in objective units, or null for the
     *     derived frame
     * @param maxFidelity the study's maximum fidelity, where the hypervolume is taken (NaN: the
     *     highest seen)
     */
    public StudyProgress(String studyId, Instant since, double[] reference, double maxFidelity) {
        this.studyId = studyId;
        this.since = since;
        this.scored = new ScoredTrials(studyId, reference, maxFidelity);
        this.extras = new ReportExtras(studyId);
    }

    /** Takes one event of any topic. */
    public void add(GreenbandEvent event) {
        extras.add(event);
        if (event instanceof TrialSuggested s && s.studyId().equals(studyId)) {
            suggested.add(s.trialId() + ":" + s.attempt());
        } else if (event instanceof TrialFinished f && f.studyId().equals(studyId)) {
            if (finished.add(f.trialId() + ":" + f.attempt())
                    && f.status() != TrialStatus.SUCCEEDED) {
                failed++;
            }
        } else if (event instanceof TrialScored s) {
            scored.add(s);
        } else if (event instanceof EnergySample e && !e.windowStart().isBefore(since)) {
            joules += e.energyJoules();
        } else if (event instanceof StudyStopped s && s.studyId().equals(studyId)) {
            stopped = s;
        }
    }

    /** Trials finished (any status). */
    public int done() {
        return finished.size();
    }

    /** Trials suggested and not yet finished. */
    public int inFlight() {
        Set<String> open = new HashSet<>(suggested);
        open.removeAll(finished);
        return open.size();
    }

    /** Trials that ended FAILED or LOST. */
    public int failed() {
        return failed;
    }

    /** Energy measured since the start, in joules. */
    public double joules() {
        return joules;
    }

    /** The stop, or null while running. */
    public StudyStopped stopped() {
        return stopped;
    }

    /** Configurations, learning curves and power for the report. */
    public ReportExtras extras() {
        return extras;
    }

    /** The scored trials. */
    public ScoredTrials scored() {
        return scored;
    }

    /**
     * One line: {@code trials 12 done, 2 running, 1 failed | best val_error 0.31, emissions 0.02 |
     * HV 0.84 | 1.2 kJ}.
     */
    public String line() {
        StringBuilder sb =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "trials %d done, %d running, %d failed",
                                done(),
                                inFlight(),
                                failed));
        double[] best = scored.best();
        List<String> names = scored.names();
        if (best.length > 0) {
            sb.append(" | best ");
            for (int i = 0; i < best.length; i++) {
                sb.append(i == 0 ? "" : ", ")
                        .append(names.get(i))
                        .append(' ')
                        .append(FrontTable.number(best[i]));
            }
        }
        List<Double> hv = scored.hypervolumeHistory();
        if (!hv.isEmpty()) {
            sb.append(String.format(Locale.ROOT, " | HV %.3f", hv.get(hv.size() - 1)));
            scored.zeroHypervolumeReason()
                    .ifPresent(why -> sb.append(" (").append(why).append(')'));
        }
        sb.append(" | ").append(energy(joules));
        return sb.toString();
    }

    /** Joules in the unit a reader takes in at a glance. */
    public static String energy(double joules) {
        if (joules >= 3.6e6) {
            return String.format(Locale.ROOT, "%.2f kWh", joules / 3.6e6);
        }
        return joules >= 1000
                ? String.format(Locale.ROOT, "%.1f kJ", joules / 1000)
                : String.format(Locale.ROOT, "%.0f J", joules);
    }
}
