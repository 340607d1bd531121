package io.greenband.aggregator.config;

import com.mongodb.client.MongoDatabase;
import io.greenband.aggregator.adapter.messaging.EventPublisher;
import io.greenband.aggregator.adapter.messaging.FrontListener;
import io.greenband.aggregator.adapter.messaging.KafkaLoggedScores;
import io.greenband.aggregator.adapter.messaging.ScoringEngine;
import io.greenband.aggregator.adapter.messaging.StateRecovery;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.adapter.persistence.MongoStudyStore;
import io.greenband.aggregator.core.attribution.AttributionSettings;
import io.greenband.aggregator.core.emissions.IntensityResolver;
import io.greenband.aggregator.core.emissions.IntensityTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.greenband.servicekit.intake.EventIntake;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Turns configuration into the core objects the adapters share: one engine per process, restored from the
 * topics below the committed offsets before any consumer uses it.
 */
@ApplicationScoped
public class AggregatorWiring {

    /** The incoming channels whose records make up the engine's state. */
    private static final List<String> CHANNELS = List.of("studies", "trials", "energy-sample");
    private static final Logger LOG = Logger.getLogger(AggregatorWiring.class);

    @Produces
    @Singleton
    MongoAggregatorStore store(MongoDatabase database) {
        MongoAggregatorStore store = new MongoAggregatorStore(database);
        store.ensureIndexes();
        return store;
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
    ScoringEngine engine(AggregatorConfig config, MongoAggregatorStore store, MongoStudyStore studyStore, EventPublisher publisher,
            FrontListener listener, EventIntake intake, Config settings,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        ScoringEngine engine = ScoringEngine.builder()
                .setStore(store)
                .setStudyStore(studyStore)
                .setPublisher(publisher)
                .optListener(listener)
                .optAttribution(new AttributionSettings(config.gracePeriod(), config.gapTolerance()))
                .optIntensities(new IntensityResolver(IntensityTable.bundled()))
                .optRetention(config.retention())
                .optStoreSamples(config.storeSamples())
                // Scores already logged (before a crash, or imported) are adopted, never published a second time.
                .optLoggedScores(new KafkaLoggedScores(kafka, intake.codec(), Duration.ofSeconds(30)))
                .build();
        if (config.recoverOnStart()) {
            List<StateRecovery.Group> groups = CHANNELS.stream().map(c -> group(settings, c)).flatMap(Optional::stream)
                    .toList();
            // Every kafka.* setting (TLS, SASL), like the consumers the recovery runs ahead of.
            int events = StateRecovery.restore(kafka, groups, intake.codec(), engine);
            LOG.infof("restored the state from %d events below the committed offsets of %s", events,
                    groups.stream().map(StateRecovery.Group::groupId).toList());
        }
        return engine;
    }

    /** The consumer group of an incoming channel and the topics it reads, when configured. */
    private static Optional<StateRecovery.Group> group(Config settings, String channel) {
        String prefix = "mp.messaging.incoming." + channel + ".";
        Optional<String> group = settings.getOptionalValue(prefix + "group.id", String.class);
        Optional<String> topics = settings.getOptionalValue(prefix + "topics", String.class)
                .or(() -> settings.getOptionalValue(prefix + "topic", String.class));
        if (group.isEmpty() || topics.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = Arrays.stream(topics.get().split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
        return Optional.of(new StateRecovery.Group(group.get(), names));
    }
}
