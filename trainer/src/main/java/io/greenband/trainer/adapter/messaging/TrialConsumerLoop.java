package io.greenband.trainer.adapter.messaging;

import io.greenband.events.EventType;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.deadletter.RejectedEvent;
import io.greenband.events.deadletter.RejectedEvent.Reason;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.ConsumerWatch;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.servicekit.intake.IntakeLoop;
import io.greenband.servicekit.intake.TopicIndex;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.greenband.trainer.worker.StudyEntry;
import io.greenband.trainer.worker.TrialWorker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.record.TimestampType;
import org.jboss.logging.Logger;

/**
 * The trainer's consumer of {@code trial-suggested}, on the service kit's intake path: an {@link
 * IntakeLoop} that handles one record at a time ({@link IntakeLoop#oneAtATime}) while every
 * assigned partition is paused and the loop keeps polling, so the group never sees a stalled member
 * however long the trial trains; the offset is committed only once the trial's {@code
 * trial-finished} is acknowledged. A record that does not decode, is not a suggestion, names a
 * study {@code studies} does not define ({@code UNKNOWN_STUDY}) or reuses a suggestion's id with
 * another payload ({@code CONFLICT}, the first stands) is dead-lettered and committed, as is,
 * without a word, one whose lease ran out while it waited (the suggester has retried it) and one
 * whose attempt already has a {@code trial-finished} in the log ({@link FinishedTrials}: imported,
 * replayed or declared lost). {@link #close} stops a running trial and reports it FAILED ({@value
 * TrialWorker#SHUTTING_DOWN}); {@link #abandon} stops without a word, as a crash would, so the
 * broker re-delivers.
 */
public final class TrialConsumerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrialConsumerLoop.class);

    /** The loop's name in health reports. */
    public static final String WATCH_NAME = "trial-suggested";

    private final Properties client;
    private final Properties reader;
    private final String topic;
    private final EventIntake intake;
    private final StudyReader studies;
    private final FinishedTrials finishedTrials;
    private volatile TopicIndex<TrialSuggested> suggestions;
    private final TrialWorker worker;
    private final KafkaTrialEvents events;
    private final ConsumerSettings settings;
    private final ExecutorService trials;
    private volatile ConsumerWatch watch =
            new ConsumerWatch(Duration.ofDays(365), Clock.systemUTC());
    private volatile IntakeLoop loop;
    private volatile boolean stopping;
    private volatile boolean abandoned;

    /**
     * @param kafka client settings ({@code kafka.*})
     * @param topics topic names
     * @param settings group, poll and shutdown settings
     * @param intake decoding and dead-lettering
     * @param studies reader of {@code studies}
     * @param worker runs the trials
     * @param events publishes {@code trial-finished}
     */
    public TrialConsumerLoop(
            Map<String, Object> kafka,
            TopicRegistry topics,
            ConsumerSettings settings,
            EventIntake intake,
            StudyReader studies,
            TrialWorker worker,
            KafkaTrialEvents events) {
        this.reader = new Properties();
        reader.putAll(KafkaClientSettings.only(kafka, ConsumerConfig.configNames()));
        Properties c = new Properties();
        c.putAll(reader);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId());
        // One record per poll: no fetched suggestion waits behind a running trial while its
        // partition may move.
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        c.put(
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                Long.toString(settings.maxPollInterval().toMillis()));
        // Sticky and incremental: a rebalance moves as few partitions as it can, and never revokes
        // all of them.
        c.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        this.client = c;
        this.topic = topics.name(Topic.TRIAL_SUGGESTED);
        this.intake = intake;
        this.studies = studies;
        this.finishedTrials =
                new FinishedTrials(kafka, topics, intake.codec(), Duration.ofSeconds(30));
        this.worker = worker;
        this.events = events;
        this.settings = settings;
        this.trials = Executors.newSingleThreadExecutor(r -> new Thread(r, "trial-runner"));
    }

    /**
     * Reports polls and a failure to {@code watch} (health DOWN when the loop stops or stalls);
     * before start.
     */
    public TrialConsumerLoop watchedBy(ConsumerWatch watch) {
        this.watch = watch;
        return this;
    }

    /** Starts polling. */
    public void start() {
        loop =
                IntakeLoop.oneAtATime(
                                WATCH_NAME,
                                client,
                                List.of(topic),
                                intake,
                                this::handle,
                                watch,
                                settings.pollTimeout())
                        .start();
    }

    /**
     * One suggestion, on the loop's handler thread; returning commits it, throwing a {@link
     * RejectedEvent} dead-letters it.
     */
    private void handle(ReceivedEvent event, ConsumerRecord<String, byte[]> record) {
        if (event.type() != EventType.TRIAL_SUGGESTED) {
            throw new IllegalArgumentException(
                    "topic " + topic + " carries trial-suggested events only, got " + event.type());
        }
        TrialSuggested trial = event.payload(TrialSuggested.class);
        if (suggestions == null) {
            // The first suggestion of each id, read forward on demand (created here: the topic
            // exists once read).
            suggestions =
                    new TopicIndex<>(
                            reader,
                            topic,
                            intake.codec(),
                            e ->
                                    e.payload() instanceof TrialSuggested t
                                            ? Optional.of(Map.entry(e.id(), t))
                                            : Optional.empty());
        }
        Optional<TrialSuggested> first = suggestions.find(event.id());
        if (first.isPresent() && !first.get().equals(trial)) {
            throw new RejectedEvent(
                    Reason.CONFLICT,
                    "suggestion "
                            + event.id()
                            + " was read before with a different payload; the first stands");
        }
        if (leaseRanOut(record, trial)) {
            // The suggester has declared it LOST and suggested it again: running it would only be
            // discarded.
            LOG.infof(
                    "trial %s attempt %d skipped: its %d s lease ran out before it could start",
                    trial.trialId(), trial.attempt(), trial.leaseSeconds());
            return;
        }
        if (finishedTrials.isFinished(trial.studyId(), trial.trialId(), trial.attempt())) {
            // Imported or replayed with its end, or already declared lost: running it again would
            // change nothing.
            LOG.infof(
                    "trial %s attempt %d skipped: the log already holds its trial-finished",
                    trial.trialId(), trial.attempt());
            return;
        }
        studies.catchUp();
        StudyEntry study = studies.book().find(trial.studyId()).orElse(null);
        if (study == null || !study.defined()) {
            throw new RejectedEvent(
                    Reason.UNKNOWN_STUDY,
                    "trial "
                            + trial.trialId()
                            + " is suggested for study "
                            + trial.studyId()
                            + ", which studies does not define");
        }
        LOG.infof(
                "trial %s attempt %d started (study %s, fidelity %s)",
                trial.trialId(), trial.attempt(), trial.studyId(), trial.fidelity());
        TrialFinished finished = awaitTrial(trials.submit(() -> worker.run(trial, study)));
        if (finished != null) {
            logEnd(finished);
        }
        if (finished == null || abandoned || !publishFinished(finished)) {
            // Not stored: the group delivers the suggestion again (to this trainer or another).
            throw new IllegalStateException(
                    "trial "
                            + trial.trialId()
                            + " attempt "
                            + trial.attempt()
                            + " ended unreported; its suggestion stays uncommitted");
        }
    }

    /**
     * Whether the lease, which runs from the suggestion (the record's creation), ended before the
     * trial started.
     */
    private static boolean leaseRanOut(
            ConsumerRecord<String, byte[]> record, TrialSuggested trial) {
        return record.timestampType() == TimestampType.CREATE_TIME
                && record.timestamp() + trial.leaseSeconds() * 1000L < System.currentTimeMillis();
    }

    private static void logEnd(TrialFinished f) {
        double seconds =
                f.startedAt() == null
                        ? 0
                        : Duration.between(f.startedAt(), f.endedAt()).toMillis() / 1000.0;
        Double valError = f.metrics().get("val_error");
        LOG.infof(
                "trial %s attempt %d ended %s (fidelity %s, %.1f s, val_error %s)%s",
                f.trialId(),
                f.attempt(),
                f.status(),
                f.fidelity(),
                seconds,
                valError == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f", valError),
                f.error() == null ? "" : ": " + f.error());
    }

    /**
     * Waits (the loop polls paused meanwhile) until the trial ends; on shutdown cancels it and
     * waits at most the grace period.
     */
    private TrialFinished awaitTrial(Future<TrialFinished> running) {
        long graceEnds = Long.MAX_VALUE;
        while (true) {
            try {
                return running.get(settings.pollTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (abandoned) {
                    return null;
                }
                if (stopping && graceEnds == Long.MAX_VALUE) {
                    worker.cancel(TrialWorker.SHUTTING_DOWN);
                    graceEnds = System.nanoTime() + settings.shutdownGrace().toNanos();
                } else if (stopping && System.nanoTime() > graceEnds) {
                    LOG.warnf(
                            "trial did not stop within %s; reporting it failed",
                            settings.shutdownGrace());
                    TrialFinished verdict =
                            worker.abandoned(
                                    TrialWorker.SHUTTING_DOWN
                                            + " (the trial did not stop within "
                                            + settings.shutdownGrace()
                                            + ")");
                    running.cancel(true);
                    return verdict;
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "trial worker crashed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /**
     * Publishes the trial's end and waits for the broker, retrying until stored or the loop is
     * abandoned.
     */
    private boolean publishFinished(TrialFinished finished) {
        while (!abandoned) {
            CompletableFuture<Void> ack = events.publish(finished);
            try {
                while (true) {
                    try {
                        ack.get(settings.pollTimeout().toMillis(), TimeUnit.MILLISECONDS);
                        TrainerMeters.finished(finished);
                        return true;
                    } catch (TimeoutException e) {
                        if (abandoned) {
                            return false;
                        }
                    }
                }
            } catch (ExecutionException e) {
                LOG.warnf(
                        "trial-finished of %s not stored (%s); retrying",
                        finished.trialId(), e.getCause());
                if (stopping) {
                    return false; // not committed: the trial is re-delivered to another trainer
                }
                pause(settings.pollTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the loop still runs. */
    public boolean isRunning() {
        IntakeLoop l = loop;
        return l != null && l.isAlive();
    }

    /**
     * Stops at once without reporting or committing the running trial, as if the process died: the
     * broker re-delivers it to another member of the group. For failure drills and tests.
     */
    public void abandon() {
        abandoned = true;
        events.mute();
        stopping = true;
        worker.cancel("abandoned");
        try {
            if (loop != null) {
                loop.abandon();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            trials.shutdownNow();
            closeIndexes();
        }
    }

    /**
     * Stops: a running trial is cancelled and reported FAILED, committed once stored; then the
     * consumer leaves.
     */
    @Override
    public void close() {
        stopping = true;
        try {
            if (loop != null) {
                loop.close(settings.shutdownGrace().plusSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            trials.shutdownNow();
            closeIndexes();
        }
    }

    private void closeIndexes() {
        finishedTrials.close();
        if (suggestions != null) {
            suggestions.close();
        }
    }
}
