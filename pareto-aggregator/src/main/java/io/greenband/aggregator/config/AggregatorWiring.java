package io.greenband.aggregator.config;

import com.mongodb.client.MongoDatabase;
import io.greenband.aggregator.adapter.messaging.EventPublisher;
import io.greenband.aggregator.adapter.messaging.FrontListener;
import io.greenband.aggregator.adapter.messaging.ScoringEngine;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.adapter.persistence.MongoStudyStore;
import io.greenband.aggregator.core.attribution.AttributionSettings;
import io.greenband.aggregator.core.emissions.IntensityResolver;
import io.greenband.aggregator.core.emissions.IntensityTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Turns configuration into the core objects the adapters share: one engine per process. */
@ApplicationScoped
public class AggregatorWiring {

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
            FrontListener listener) {
        return ScoringEngine.builder()
                .setStore(store)
                .setStudyStore(studyStore)
                .setPublisher(publisher)
                .optListener(listener)
                .optAttribution(new AttributionSettings(config.gracePeriod(), config.gapTolerance()))
                .optIntensities(new IntensityResolver(IntensityTable.bundled()))
                .optRetention(config.retention())
                .optStoreSamples(config.storeSamples())
                .build();
    }
}
