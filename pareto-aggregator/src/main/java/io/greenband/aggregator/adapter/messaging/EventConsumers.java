package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.adapter.persistence.MongoProgressStore;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialProgress;
import io.greenband.servicekit.intake.ConsumerWatch;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.servicekit.intake.IntakeLoop;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.RangeAssignor;

/**
 * The aggregator's three consumers, each an {@link IntakeLoop} of the service kit (raw bytes in,
 * every record processed or dead-lettered, then committed; health DOWN when one stops or stalls):
 * {@code studies}, the four trial topics and {@code energy-sample} in batches. Study and trial
 * events pass {@link LogIntegrity} before the engine; samples pass the {@link PowerBounds}. A store
 * or broker failure stops a consumer without committing, and the health checks ask for a restart.
 */
@ApplicationScoped
public class EventConsumers {

    private final EventIntake intake;
    private final ScoringEngine engine;
    private final LogIntegrity integrity;
    private final SampleBatches samples;
    private final ConsumerGroups groups;
    private final ConsumerWatch watch;
    private final MongoProgressStore progress;
    private final Map<String, Object> kafka;
    private final List<IntakeLoop> loops = new ArrayList<>();

    @Inject
    public EventConsumers(
            EventIntake intake,
            ScoringEngine engine,
            LogIntegrity integrity,
            PowerBounds bounds,
            ConsumerGroups groups,
            ConsumerWatch watch,
            MongoProgressStore progress,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.intake = intake;
        this.engine = engine;
        this.integrity = integrity;
        this.groups = groups;
        this.watch = watch;
        this.progress = progress;
        this.kafka = kafka;
        this.samples =
                new SampleBatches(
                        new RecordIntake() {
                            @Override
                            public Optional<GreenbandEvent> decode(
                                    ConsumerRecord<String, byte[]> record) {
                                return intake.decode(record).map(e -> e.payload());
                            }

                            @Override
                            public void deadLetter(
                                    ConsumerRecord<String, byte[]> record, Throwable error) {
                                intake.deadLetter(record, error);
                            }
                        },
                        engine,
                        bounds,
                        integrity.sampleIds());
    }

    void start(@Observes StartupEvent started) {
        loops.add(
                IntakeLoop.perRecord(
                                "studies",
                                properties(groups.studies(), 100),
                                groups.studyTopics(),
                                intake,
                                (event, record) -> apply(event.payload()),
                                watch)
                        .start());
        Properties trials = properties(groups.trials(), 200);
        trials.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        loops.add(
                IntakeLoop.perRecord(
                                "trials",
                                trials,
                                groups.trialTopics(),
                                intake,
                                (event, record) -> apply(event.payload()),
                                watch)
                        .start());
        Properties sampleProps = properties(groups.samples(), 10_000);
        // Large polls: one poll is decoded, attributed and written in one bulk write, then
        // committed.
        sampleProps.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "8388608");
        sampleProps.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        sampleProps.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        loops.add(
                IntakeLoop.batched(
                                "energy-sample",
                                sampleProps,
                                groups.sampleTopics(),
                                samples::accept,
                                watch)
                        .start());
    }

    /**
     * Study and trial events: the log must vouch for them; what they depend on is applied first.
     */
    private void apply(GreenbandEvent event) {
        if (event instanceof EnergySample s) {
            throw new IllegalArgumentException(
                    "energy sample " + s.sampleId() + " outside energy-sample");
        }
        for (GreenbandEvent e : integrity.admit(event)) {
            engine.accept(e);
            if (e instanceof TrialProgress p) {
                progress.record(
                        p); // the learning curves the dashboard draws; scoring does not use them
            }
        }
    }

    private Properties properties(String group, int maxPollRecords) {
        Properties p =
                KafkaClientSettings.forClient(kafka, group + "-" + java.util.UUID.randomUUID());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        return p;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        for (IntakeLoop loop : loops) {
            loop.close();
        }
    }
}
