package io.greenband.suggester.driver;

import io.greenband.events.payload.Budget;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.suggester.core.preset.StudyDefinitions;
import io.greenband.suggester.core.study.Optimizer;
import io.greenband.suggester.core.study.Trial;
import io.greenband.suggester.core.study.TrialFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One study's state machine. Inputs that change the optimizer (scores, and the decisions this
 * service published: LOST verdicts and stops) are applied in one sequence; each applied input
 * increments {@link #seq()}. A decision carries the sequence number it was made at and is applied
 * exactly there, by the instance that made it and by any later reader of the log, so a replay
 * reaches the same states. Wall-clock checks (leases, wall time) only propose decisions ({@link
 * #decide}); they never act directly.
 */
public final class StudyRun {

    private record Held(long stamp, GreenbandEvent event) {}

    private final StudyDefined definition;
    private final String fingerprint;
    private final Optimizer optimizer;
    private final Instant startedAt;
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
    private final Map<String, Instant> leaseUntil = new HashMap<>();
    private final List<Held> held = new ArrayList<>();
    private long seq;
    private int asked;
    private double fidelitySpent;
    private double energyJoules;
    private boolean stopped;
    private boolean stopRequested;

    private StudyRun(StudyDefined definition, Optimizer optimizer, Instant startedAt) {
        this.definition = definition;
        this.fingerprint = definition.fingerprint();
        this.optimizer = optimizer;
        this.startedAt = startedAt;
    }

    /**
     * A new study; {@code recordTime} stands in for {@code definedAt} when the definition has none.
     */
    public static StudyRun start(StudyDefined definition, Instant recordTime) {
        Instant started = definition.definedAt() != null ? definition.definedAt() : recordTime;
        return new StudyRun(
                definition, Optimizer.create(StudyDefinitions.spec(definition)), started);
    }

    /** A study resumed from a snapshot; every lease restarts at {@code now}. */
    public static StudyRun restore(StudyDefined definition, StudyRunState state, Instant now) {
        StudyRun run =
                new StudyRun(
                        definition,
                        Optimizer.restore(StudyDefinitions.spec(definition), state.optimizer()),
                        state.startedAt());
        run.seq = state.seq();
        run.asked = state.asked();
        run.fidelitySpent = state.fidelitySpent();
        run.energyJoules = state.energyJoules();
        run.stopped = state.stopped();
        run.stopRequested = state.stopRequested();
        for (InFlight t : state.inFlight()) {
            run.inFlight.put(t.suggestion().trialId(), t);
            run.leaseUntil.put(t.suggestion().trialId(), now.plusSeconds(run.leaseSeconds()));
        }
        return run;
    }

    /** The study definition this run was started from. */
    public StudyDefined definition() {
        return definition;
    }

    /** Inputs applied so far. */
    public long seq() {
        return seq;
    }

    /** Whether a stop was applied. */
    public boolean stopped() {
        return stopped;
    }

    /** Trials in flight (asked, not yet told). */
    public int inFlightCount() {
        return inFlight.size();
    }

    /**
     * Whether decisions read from the log wait for their sequence number (a snapshot must not be
     * taken then).
     */
    public boolean hasHeldDecisions() {
        return !held.isEmpty();
    }

    /** Fills the study up to its parallelism; called once after the definition was read. */
    public List<Emission> begin(Instant now) {
        List<Emission> out = new ArrayList<>();
        fill(startedAt, now, out);
        return out;
    }

    /** Applies a score (the optimizer's tell) and refills. */
    public List<Emission> onScored(TrialScored scored, Instant now) {
        List<Emission> out = new ArrayList<>();
        seq++;
        if (scored.revision() == 0) {
            energyJoules += scored.energy().totalJoules();
        }
        InFlight t = inFlight.get(scored.trialId());
        if (t != null) {
            if (scored.status() == TrialStatus.SUCCEEDED) {
                optimizer.tell(t.coreTrialId(), scored.vector());
                finish(scored.trialId());
            } else if (scored.attempt() >= t.suggestion().attempt()) {
                // A failure of an attempt this service declared LOST is superseded by its retry.
                optimizer.tell(
                        t.coreTrialId(),
                        new TrialFailure(
                                "trial "
                                        + scored.status().name().toLowerCase()
                                        + " (attempt "
                                        + scored.attempt()
                                        + ")"));
                finish(scored.trialId());
            }
            fill(scored.scoredAt(), now, out);
        }
        applyHeld(now, out);
        return out;
    }

    /** A decision read from the log (LOST or stop); applied at its stamp, held until then. */
    public List<Emission> onDecision(GreenbandEvent decision, long stamp, Instant now) {
        List<Emission> out = new ArrayList<>();
        if (stamp < seq) {
            // Already applied before the snapshot this run was restored from.
            return out;
        }
        held.add(new Held(stamp, decision));
        applyHeld(now, out);
        return out;
    }

    /**
     * A stop published by someone else: a request, turned into a stamped decision by {@link
     * #decide}.
     */
    public void onStopRequested() {
        if (!stopped) {
            stopRequested = true;
        }
    }

    /** A heartbeat (trial-started or trial-progress) of the current attempt renews its lease. */
    public void onHeartbeat(String trialId, int attempt, Instant now) {
        InFlight t = inFlight.get(trialId);
        if (t != null && t.suggestion().attempt() == attempt) {
            inFlight.put(trialId, new InFlight(t.coreTrialId(), t.suggestion(), true));
            leaseUntil.put(trialId, now.plusSeconds(leaseSeconds()));
        }
    }

    /**
     * The trainer reported the current attempt finished: its lease stops, the score will follow.
     */
    public void onTrainerFinished(String trialId, int attempt) {
        InFlight t = inFlight.get(trialId);
        if (t != null && t.suggestion().attempt() == attempt) {
            inFlight.put(trialId, new InFlight(t.coreTrialId(), t.suggestion(), false));
        }
    }

    /**
     * The next wall-clock decision, if any: a requested stop, the wall-time limit, an exhausted
     * budget once nothing is in flight, or an expired lease. Call only when every input was read
     * (nothing held).
     */
    public Optional<Emission> decide(Instant now) {
        if (stopped || !held.isEmpty()) {
            return Optional.empty();
        }
        Budget budget = definition.budget();
        if (stopRequested) {
            return Optional.of(stop(StudyStopped.Reason.REQUESTED, "stop requested", now));
        }
        if (budget.wallClockLimitSeconds() != null
                && !now.isBefore(startedAt.plusSeconds(budget.wallClockLimitSeconds()))) {
            return Optional.of(
                    stop(
                            StudyStopped.Reason.BUDGET_EXHAUSTED,
                            "wallClockLimitSeconds " + budget.wallClockLimitSeconds() + " reached",
                            now));
        }
        Optional<String> limit = limitReached();
        if (limit.isPresent() && inFlight.isEmpty()) {
            return Optional.of(stop(StudyStopped.Reason.BUDGET_EXHAUSTED, limit.get(), now));
        }
        for (InFlight t : inFlight.values()) {
            String id = t.suggestion().trialId();
            if (t.running() && now.isAfter(leaseUntil.get(id))) {
                TrialFinished lost =
                        new TrialFinished(
                                definition.studyId(),
                                id,
                                t.suggestion().attempt(),
                                TrialStatus.LOST,
                                t.suggestion().fidelity(),
                                Map.of(),
                                null,
                                now,
                                null,
                                List.of(),
                                null,
                                "no heartbeat for " + leaseSeconds() + " s",
                                null);
                return Optional.of(Emission.decision(lost, seq));
            }
        }
        return Optional.empty();
    }

    /**
     * The forest's parameter importances at its latest refit, for the dashboard; empty before one.
     */
    public java.util.Optional<io.greenband.suggester.core.study.ParameterImportances>
            importances() {
        return optimizer.importances();
    }

    /** The state to store (only meaningful when {@link #hasHeldDecisions()} is false). */
    public StudyRunState state() {
        return new StudyRunState(
                optimizer.snapshot(),
                seq,
                asked,
                fidelitySpent,
                energyJoules,
                startedAt,
                stopped,
                stopRequested,
                List.copyOf(inFlight.values()));
    }

    private Emission stop(StudyStopped.Reason reason, String detail, Instant now) {
        return Emission.decision(new StudyStopped(definition.studyId(), reason, detail, now), seq);
    }

    private void applyHeld(Instant now, List<Emission> out) {
        boolean applied = true;
        while (applied) {
            applied = false;
            for (int i = 0; i < held.size(); i++) {
                if (held.get(i).stamp() <= seq) {
                    GreenbandEvent e = held.remove(i).event();
                    seq++;
                    if (e instanceof TrialFinished lost) {
                        applyLost(lost, now, out);
                    } else if (e instanceof StudyStopped) {
                        stopped = true;
                        stopRequested = false;
                    }
                    applied = true;
                    break;
                }
            }
        }
    }

    private void applyLost(TrialFinished lost, Instant now, List<Emission> out) {
        InFlight t = inFlight.get(lost.trialId());
        if (t == null || t.suggestion().attempt() != lost.attempt()) {
            return;
        }
        TrialSuggested s = t.suggestion();
        if (!stopped && s.attempt() <= definition.scheduler().maxRetries()) {
            TrialSuggested retry =
                    new TrialSuggested(
                            s.studyId(),
                            s.trialId(),
                            s.attempt() + 1,
                            s.configId(),
                            s.config(),
                            s.fidelity(),
                            s.bracket(),
                            s.rung(),
                            s.seed(),
                            s.leaseSeconds(),
                            s.origin(),
                            s.studyFingerprint(),
                            lost.endedAt());
            inFlight.put(s.trialId(), new InFlight(t.coreTrialId(), retry, true));
            leaseUntil.put(s.trialId(), now.plusSeconds(leaseSeconds()));
            out.add(Emission.output(retry));
            return;
        }
        optimizer.tell(
                t.coreTrialId(),
                new TrialFailure("lost " + s.attempt() + " times: " + lost.error()));
        finish(s.trialId());
        fill(lost.endedAt(), now, out);
    }

    private void finish(String trialId) {
        inFlight.remove(trialId);
        leaseUntil.remove(trialId);
    }

    private void fill(Instant trigger, Instant now, List<Emission> out) {
        while (!stopped
                && limitReached().isEmpty()
                && inFlight.size() < definition.scheduler().parallelism()) {
            Trial trial = optimizer.ask();
            asked++;
            fidelitySpent += trial.budget();
            String id = TrialIds.trialId(definition.studyId(), trial.trialId());
            TrialSuggested s =
                    new TrialSuggested(
                            definition.studyId(),
                            id,
                            1,
                            TrialIds.configId(definition.studyId(), trial.configId()),
                            trial.config(),
                            trial.budget(),
                            trial.bracket(),
                            trial.rung(),
                            trial.seed(),
                            leaseSeconds(),
                            trial.originLabel(),
                            fingerprint,
                            trigger);
            inFlight.put(id, new InFlight(trial.trialId(), s, true));
            leaseUntil.put(id, now.plusSeconds(leaseSeconds()));
            out.add(Emission.output(s));
        }
    }

    private Optional<String> limitReached() {
        Budget b = definition.budget();
        if (b.maxTrials() != null && asked >= b.maxTrials()) {
            return Optional.of("maxTrials " + b.maxTrials() + " reached");
        }
        if (b.totalFidelityBudget() != null && fidelitySpent >= b.totalFidelityBudget()) {
            return Optional.of("totalFidelityBudget " + b.totalFidelityBudget() + " reached");
        }
        if (b.energyBudgetJoules() != null && energyJoules >= b.energyBudgetJoules()) {
            return Optional.of("energyBudgetJoules " + b.energyBudgetJoules() + " reached");
        }
        return Optional.empty();
    }

    private int leaseSeconds() {
        return definition.scheduler().leaseSeconds();
    }
}
