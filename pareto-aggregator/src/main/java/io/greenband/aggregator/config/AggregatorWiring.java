package io.greenband.aggregator.config;

import com.mongodb.client.MongoDatabase;
import io.greenband.aggregator.adapter.messaging.ConsumerGroups;
import io.greenband.aggregator.adapter.messaging.IndexedLog;
import io.greenband.aggregator.adapter.messaging.KafkaLoggedScores;
import io.greenband.aggregator.adapter.messaging.LogIntegrity;
import io.greenband.aggregator.adapter.messaging.PowerBounds;
import io.greenband.aggregator.adapter.messaging.StateRecovery;
import io.greenband.aggregator.adapter.metrics.ScoredMetrics;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.adapter.persistence.MongoImportanceReader;
import io.greenband.aggregator.adapter.persistence.MongoProgressStore;
import io.greenband.aggregator.adapter.persistence.MongoStudyStore;
import io.greenband.aggregator.core.attribution.AttributionSettings;
import io.greenband.aggregator.core.emissions.IntensityResolver;
import io.greenband.aggregator.core.emissions.IntensityTable;
import io.greenband.aggregator.driver.EventPublisher;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.aggregator.driver.TrialScoredListener;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns configuration into the core objects the adapters share: one engine per process, restored
 * from the topics below the committed offsets before any consumer uses it.
 */
@ApplicationScoped
public class AggregatorWiring {

    private static final Logger LOG = Logger.getLogger(AggregatorWiring.class);

    @Produces
    @Singleton
    MongoAggregatorStore store(MongoDatabase database) {
        return SampleIngestion.mongoStore(database);
    }

    @Produces
    @Singleton
    MongoStudyStore studyStore(MongoDatabase database) {
        MongoStudyStore store = new MongoStudyStore(database);
        store.ensureIndexes();
        return store;
    }

    @Produces
    @Singleton
    MongoProgressStore progressStore(MongoDatabase database) {
        MongoProgressStore store = new MongoProgressStore(database);
        store.ensureIndexes();
        return store;
    }

    @Produces
    @Singleton
    MongoImportanceReader importanceReader(MongoDatabase database) {
        return new MongoImportanceReader(database);
    }

    @Produces
    @Singleton
    ConsumerGroups groups(
            AggregatorConfig config,
            TopicRegistry topics,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        return ConsumerGroups.of(
                application, config.replica(), config.trialsGroup().orElse(null), topics);
    }

    @Produces
    @Singleton
    PowerBounds powerBounds(AggregatorConfig config) {
        return PowerBounds.from(
                name ->
                        Optional.ofNullable(
                                config.maxPowerWatts()
                                        .get(name.substring(PowerBounds.SETTING.length()))));
    }

    @Produces
    @Singleton
    IndexedLog indexedLog(
            EventIntake intake,
            TopicRegistry topics,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        return new IndexedLog(
                KafkaClientSettings.forClient(kafka, "greenband-aggregator-index"),
                topics,
                intake.codec());
    }

    void closeLog(@Disposes IndexedLog log) {
        log.close();
    }

    @Produces
    @Singleton
    LogIntegrity integrity(IndexedLog log) {
        return new LogIntegrity(log);
    }

    // Typed: one TrialScoredListener among those the engine is given.
    @Produces
    @Singleton
    @Typed({ScoredMetrics.class, TrialScoredListener.class})
    ScoredMetrics scoredMetrics(AggregatorConfig config, MeterRegistry registry) {
        return new ScoredMetrics(registry, config.metricsMaxStudies(), config.metricsMaxTrials());
    }

    @Produces
    @Singleton
    ScoringEngine engine(
            AggregatorConfig config,
            MongoAggregatorStore store,
            MongoStudyStore studyStore,
            EventPublisher publisher,
            Instance<TrialScoredListener> listeners,
            EventIntake intake,
            ConsumerGroups groups,
            LogIntegrity integrity,
            PowerBounds bounds,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        ScoringEngine.Builder builder =
                ScoringEngine.builder()
                        .setStore(store)
                        .setStudyStore(studyStore)
                        .setPublisher(publisher)
                        .optAttribution(
                                new AttributionSettings(
                                        config.gracePeriod(), config.gapTolerance()))
                        .optIntensities(new IntensityResolver(IntensityTable.bundled()))
                        .optRetention(config.retention())
                        .optMaxClockSkew(config.maxClockSkew())
                        .optStoreSamples(config.storeSamples())
                        // Scores already logged (before a crash, or imported) are adopted, never
                        // published a second time.
                        .optLoggedScores(
                                new KafkaLoggedScores(
                                        kafka, intake.codec(), Duration.ofSeconds(30)));
        // Every TrialScoredListener bean hears of published scores: the live stream, metrics.
        listeners.forEach(builder::optListener);
        ScoringEngine engine = builder.build();
        if (config.recoverOnStart()) {
            // Every kafka.* setting (TLS, SASL), like the consumers the recovery runs ahead of.
            int events =
                    StateRecovery.restore(
                            kafka,
                            groups.recoveryGroups(),
                            intake.codec(),
                            engine,
                            integrity,
                            bounds);
            LOG.infof(
                    "restored the state from %d events below the committed offsets of %s",
                    events,
                    groups.recoveryGroups().stream().map(StateRecovery.Group::groupId).toList());
        }
        return engine;
    }
}
