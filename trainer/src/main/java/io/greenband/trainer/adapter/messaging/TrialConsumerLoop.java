package io.greenband.trainer.adapter.messaging;

import io.greenband.events.EventType;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.servicekit.metrics.IntakeMetrics;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.greenband.trainer.worker.StudyEntry;
import io.greenband.trainer.worker.TrialWorker;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The trainer's consumer of {@code trial-suggested}: a plain {@link KafkaConsumer} on its own thread, one
 * record at a time. While a trial runs (on a second thread) every assigned partition is paused and the loop
 * keeps calling {@code poll}, so the group never sees a stalled member however long the trial trains; the
 * offset is committed only once the trial's {@code trial-finished} is acknowledged, then the partitions
 * resume. A record that does not decode goes to {@code dead-letter} through {@link EventIntake} and is
 * committed, as is one whose lease ran out while it waited (the suggester has retried it) and one whose attempt already
 * has a {@code trial-finished} in the log ({@link FinishedTrials}: imported, replayed or declared lost). {@link #close}
 * stops a running trial and reports it FAILED ({@value TrialWorker#SHUTTING_DOWN}); {@link #abandon} stops without a word, as a crash would, so the broker re-delivers.
 */
public final class TrialConsumerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrialConsumerLoop.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final EventIntake intake;
    private final StudyReader studies;
    private final FinishedTrials finishedTrials;
    private final TrialWorker worker;
    private final KafkaTrialEvents events;
    private final ConsumerSettings settings;
    private final Thread thread;
    private final java.util.concurrent.ExecutorService trials;
    private volatile boolean stopping;
    private volatile boolean abandoned;
    private volatile TopicPartition busy;

    /**
     * @param kafka client settings ({@code kafka.*})
     * @param topics topic names
     * @param settings group, poll and shutdown settings
     * @param intake decoding and dead-lettering
     * @param studies reader of {@code studies}
     * @param worker runs the trials
     * @param events publishes {@code trial-finished}
     */
    public TrialConsumerLoop(Map<String, Object> kafka, TopicRegistry topics, ConsumerSettings settings,
            EventIntake intake, StudyReader studies, TrialWorker worker, KafkaTrialEvents events) {
        Map<String, Object> c = new HashMap<>(KafkaClientSettings.only(kafka, ConsumerConfig.configNames()));
        c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) settings.maxPollInterval().toMillis());
        // Sticky and incremental: a rebalance moves as few partitions as it can, and never revokes all of them.
        c.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topics.name(Topic.TRIAL_SUGGESTED);
        this.intake = intake;
        this.studies = studies;
        this.finishedTrials = new FinishedTrials(kafka, topics, intake.codec(), Duration.ofSeconds(30));
        this.worker = worker;
        this.events = events;
        this.settings = settings;
        this.trials = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "trial-runner"));
        this.thread = new Thread(this::loop, "trial-consumer");
    }

    /** The loop's name in health reports. */
    public static final String WATCH_NAME = "trial-suggested";

    private volatile io.greenband.servicekit.intake.ConsumerWatch watch;

    /** Reports polls and a failure to {@code watch} (health DOWN when the loop stops or stalls); before start. */
    public TrialConsumerLoop watchedBy(io.greenband.servicekit.intake.ConsumerWatch watch) {
        this.watch = watch;
        return this;
    }

    private void polled() {
        if (watch != null) {
            watch.polled(WATCH_NAME);
        }
    }

    /** Starts polling. */
    public void start() {
        if (watch != null) {
            watch.started(WATCH_NAME);
        }
        thread.start();
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (!stopping) {
                var polled = consumer.poll(settings.pollTimeout());
                polled();
                IntakeMetrics.global().lag(WATCH_NAME, consumer);
                for (ConsumerRecord<String, byte[]> record : polled) {
                    if (stopping) {
                        break;
                    }
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            // close() or abandon() woke the consumer up
        } catch (RuntimeException e) {
            LOG.error("trial consumer stopped", e);
            if (watch != null) {
                watch.failed(WATCH_NAME, e);
            }
        } finally {
            finishedTrials.close();
            if (abandoned) {
                consumer.close(Duration.ZERO);
            } else {
                consumer.close(Duration.ofSeconds(10));
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Optional<ReceivedEvent> event = intake.decode(record);
        if (event.isPresent() && event.get().type() != EventType.TRIAL_SUGGESTED) {
            intake.deadLetter(record, new IllegalArgumentException("topic " + topic + " carries trial-suggested "
                    + "events only, got " + event.get().type()));
            event = Optional.empty();
        }
        if (event.isEmpty()) {
            commit(partition, record.offset());
            return;
        }
        TrialSuggested trial = event.get().payload(TrialSuggested.class);
        if (leaseRanOut(record, trial)) {
            // The suggester has declared it LOST and suggested it again: running it would only be discarded.
            LOG.infof("trial %s attempt %d skipped: its %d s lease ran out before it could start", trial.trialId(),
                    trial.attempt(), trial.leaseSeconds());
            commit(partition, record.offset());
            return;
        }
        if (finishedTrials.isFinished(trial.studyId(), trial.trialId(), trial.attempt())) {
            // Imported or replayed with its end, or already declared lost: running it again would change nothing.
            LOG.infof("trial %s attempt %d skipped: the log already holds its trial-finished", trial.trialId(),
                    trial.attempt());
            commit(partition, record.offset());
            return;
        }
        studies.catchUp();
        StudyEntry study = studies.book().find(trial.studyId()).orElse(null);
        if (study == null || !study.defined()) {
            intake.deadLetter(record, new io.greenband.events.deadletter.RejectedEvent(
                    io.greenband.events.deadletter.RejectedEvent.Reason.UNKNOWN_STUDY, "trial " + trial.trialId()
                    + " is suggested for study " + trial.studyId() + ", which studies does not define"));
            commit(partition, record.offset());
            return;
        }
        busy = partition;
        consumer.pause(consumer.assignment());
        LOG.infof("trial %s attempt %d started (study %s, fidelity %s)", trial.trialId(), trial.attempt(),
                trial.studyId(), trial.fidelity());
        Future<TrialFinished> running = trials.submit(() -> worker.run(trial, study));
        TrialFinished finished = awaitTrial(running);
        if (finished != null) {
            logEnd(finished);
        }
        if (finished != null && !abandoned && publishFinished(finished)) {
            commit(partition, record.offset());
        }
        busy = null;
        if (!stopping) {
            consumer.resume(consumer.paused());
        }
    }

    /** Whether the lease, which runs from the suggestion (the record's creation), ended before the trial started. */
    private static boolean leaseRanOut(ConsumerRecord<String, byte[]> record, TrialSuggested trial) {
        return record.timestampType() == TimestampType.CREATE_TIME
                && record.timestamp() + trial.leaseSeconds() * 1000L < System.currentTimeMillis();
    }

    private static void logEnd(TrialFinished f) {
        double seconds = f.startedAt() == null ? 0
                : Duration.between(f.startedAt(), f.endedAt()).toMillis() / 1000.0;
        Double valError = f.metrics().get("val_error");
        LOG.infof("trial %s attempt %d ended %s (fidelity %s, %.1f s, val_error %s)%s", f.trialId(), f.attempt(),
                f.status(), f.fidelity(), seconds, valError == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f", valError),
                f.error() == null ? "" : ": " + f.error());
    }

    /** Polls (paused) until the trial ends; on shutdown cancels it and waits at most the grace period. */
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
                    LOG.warnf("trial did not stop within %s; reporting it failed", settings.shutdownGrace());
                    TrialFinished verdict = worker.abandoned(TrialWorker.SHUTTING_DOWN
                            + " (the trial did not stop within " + settings.shutdownGrace() + ")");
                    running.cancel(true);
                    return verdict;
                }
                if (!stopping) {
                    keepMembership();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("trial worker crashed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Publishes the trial's end and waits for the broker, retrying until stored or the loop is abandoned. */
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
                        keepMembership();
                    }
                }
            } catch (ExecutionException e) {
                LOG.warnf("trial-finished of %s not stored (%s); retrying", finished.trialId(), e.getCause());
                if (stopping) {
                    return false; // not committed: the trial is re-delivered to another trainer
                }
                keepMembership();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** A poll with every partition paused: it returns nothing but keeps this member in the group. */
    private void keepMembership() {
        var unexpected = consumer.poll(Duration.ZERO);
        polled();
        // Partitions assigned in this poll are paused by the listener; should a record slip through, rewind.
        for (ConsumerRecord<String, byte[]> record : unexpected) {
            consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
    }

    private void commit(TopicPartition partition, long offset) {
        try {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset + 1)));
        } catch (KafkaException e) {
            LOG.warnf("commit of %s@%d failed (%s): the record will be delivered again", partition, offset,
                    e.getMessage());
        }
    }

    /** Whether the loop thread still runs. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops at once without reporting or committing the running trial, as if the process died: the broker
     * re-delivers it to another member of the group. For failure drills and tests.
     */
    public void abandon() {
        abandoned = true;
        events.mute();
        stopping = true;
        worker.cancel("abandoned");
        consumer.wakeup();
        join();
        trials.shutdownNow();
    }

    /** Stops: a running trial is cancelled and reported FAILED, committed once stored; then the consumer leaves. */
    @Override
    public void close() {
        stopping = true;
        if (busy == null) {
            consumer.wakeup();
        }
        join();
        trials.shutdownNow();
    }

    private void join() {
        try {
            thread.join(settings.shutdownGrace().plusSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps partitions assigned during a trial paused; warns when the trial's own partition moves away. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (busy != null) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (busy != null && partitions.contains(busy)) {
                LOG.warnf("partition %s was revoked while its trial runs; its end is still published, the "
                        + "commit may fail and the new owner may run the trial again", busy);
            }
        }
    }
}
