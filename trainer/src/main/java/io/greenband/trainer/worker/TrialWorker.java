package io.greenband.trainer.worker;

import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.trainer.runner.EpochProgress;
import io.greenband.trainer.runner.TrainerException;
import io.greenband.trainer.runner.TrialResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one suggested trial at a time: plans it, publishes {@code trial-started}, a {@code
 * trial-progress} per epoch and a heartbeat progress every {@link WorkerSettings#heartbeat()} in
 * between (the suggester's lease), and returns the {@code trial-finished} event for the caller to
 * publish and acknowledge. Never throws for a failing trial. {@link #cancel} (from another thread)
 * stops the running trial with a reason.
 */
public final class TrialWorker implements AutoCloseable {

    /** The reason given when the trainer stops while a trial runs. */
    public static final String SHUTTING_DOWN = "trainer shutting down";

    private static final System.Logger LOG = System.getLogger(TrialWorker.class.getName());

    /** The trial in progress and the thread running it. */
    private record Running(
            TrialSuggested trial, Instant startedAt, List<String> devices, Thread thread) {}

    private final TrialPlanner planner;
    private final TrialEvents events;
    private final WorkerSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService heartbeats;
    private volatile Running running;
    private volatile String cancelReason;

    /** A worker publishing to {@code events}. */
    public TrialWorker(
            TrialPlanner planner, TrialEvents events, WorkerSettings settings, Clock clock) {
        this.planner = planner;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.heartbeats =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "trial-heartbeat");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Runs {@code trial} of {@code study} (null when unknown) on the calling thread; returns its
     * end.
     */
    public TrialFinished run(TrialSuggested trial, StudyEntry study) {
        cancelReason = null;
        Instant startedAt = clock.instant();
        TrialPlan plan;
        try {
            plan = planner.plan(trial, study);
        } catch (TrainerException e) {
            return finished(
                    trial,
                    null,
                    startedAt,
                    List.of(DeviceInventory.CPU),
                    TrialStatus.FAILED,
                    Map.of(),
                    e.kind() + ": " + e.getMessage(),
                    null);
        }
        running = new Running(trial, startedAt, plan.devices(), Thread.currentThread());
        send(
                new TrialStarted(
                        trial.studyId(),
                        trial.trialId(),
                        trial.attempt(),
                        settings.worker(),
                        settings.host(),
                        plan.devices(),
                        settings.pid(),
                        trial.config(),
                        trial.fidelity(),
                        startedAt));
        Heartbeat beat = new Heartbeat(trial, plan.epochs());
        long every = settings.heartbeat().toMillis();
        ScheduledFuture<?> task =
                heartbeats.scheduleAtFixedRate(
                        () -> send(beat.now(clock.instant())), every, every, TimeUnit.MILLISECONDS);
        TrialResult result;
        try {
            result =
                    plan.runner()
                            .run(
                                    plan.request(),
                                    progress -> send(beat.epoch(progress, clock.instant())));
        } finally {
            task.cancel(false);
            running = null;
            Thread.interrupted(); // a cancelled runner leaves the flag set; the next trial must
            // not see it
        }
        Map<String, Double> metrics = EventMetrics.finished(result.metrics(), plan);
        if (result.status() == io.greenband.trainer.runner.TrialStatus.COMPLETED) {
            return finished(
                    trial,
                    plan,
                    startedAt,
                    plan.devices(),
                    TrialStatus.SUCCEEDED,
                    metrics,
                    null,
                    result.modelPath());
        }
        String reason =
                cancelReason != null
                        ? cancelReason + " (" + result.error() + ")"
                        : result.failure() + ": " + result.error();
        return finished(
                trial, plan, startedAt, plan.devices(), TrialStatus.FAILED, metrics, reason, null);
    }

    /** Asks the running trial, if any, to stop; it then ends FAILED with {@code reason}. */
    public void cancel(String reason) {
        cancelReason = reason;
        Running now = running;
        if (now != null) {
            now.thread().interrupt();
        }
    }

    /**
     * The FAILED end of the running trial, for when it does not stop in time after {@link #cancel};
     * null when no trial runs.
     */
    public TrialFinished abandoned(String reason) {
        Running now = running;
        if (now == null) {
            return null;
        }
        return finished(
                now.trial(),
                null,
                now.startedAt(),
                now.devices(),
                TrialStatus.FAILED,
                Map.of(),
                reason,
                null);
    }

    private TrialFinished finished(
            TrialSuggested trial,
            TrialPlan plan,
            Instant startedAt,
            List<String> devices,
            TrialStatus status,
            Map<String, Double> metrics,
            String error,
            String model) {
        Instant ended = clock.instant();
        return new TrialFinished(
                trial.studyId(),
                trial.trialId(),
                trial.attempt(),
                status,
                trial.fidelity(),
                metrics,
                startedAt,
                ended.isBefore(startedAt) ? startedAt : ended,
                settings.host(),
                devices,
                settings.worker(),
                error,
                model);
    }

    private void send(GreenbandEvent event) {
        events.publish(event)
                .whenComplete(
                        (ok, error) -> {
                            if (error != null) {
                                LOG.log(
                                        System.Logger.Level.WARNING,
                                        "could not publish "
                                                + event.type()
                                                + " of "
                                                + event.subject()
                                                + ": "
                                                + error.getMessage());
                            }
                        });
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
    }

    /** The last progress of the running trial, repeated as a heartbeat. */
    private static final class Heartbeat {
        private final TrialSuggested trial;
        private final int epochs;
        private volatile int epoch;
        private volatile int reportedEpochs;
        private volatile Map<String, Double> metrics = Map.of();

        Heartbeat(TrialSuggested trial, int epochs) {
            this.trial = trial;
            this.epochs = epochs;
        }

        TrialProgress epoch(EpochProgress progress, Instant at) {
            epoch = Math.max(0, progress.epoch());
            reportedEpochs = Math.max(0, progress.epochs());
            metrics = EventMetrics.epoch(progress);
            return now(at);
        }

        TrialProgress now(Instant at) {
            // A command's own epoch count counts when the plan does not know it (its knob is not
            // epochs).
            int planned = Math.max(epochs > 0 ? epochs : reportedEpochs, epoch);
            return new TrialProgress(
                    trial.studyId(),
                    trial.trialId(),
                    trial.attempt(),
                    epoch,
                    planned >= 1 ? planned : null,
                    metrics,
                    at);
        }
    }
}
