package io.greenband.suggester.config;

import com.mongodb.client.MongoDatabase;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.ConsumerWatch;
import io.greenband.servicekit.intake.EventIntake;
import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.greenband.suggester.adapter.messaging.LoopSettings;
import io.greenband.suggester.adapter.messaging.SuggesterLoop;
import io.greenband.suggester.adapter.persistence.SnapshotStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Turns configuration into the consumer loop and runs it from start-up to shutdown. */
@ApplicationScoped
public class SuggesterWiring {

    private final SuggesterConfig config;
    private final TopicRegistry topics;
    private final EventIntake intake;
    private final MongoDatabase database;
    private final Map<String, Object> kafka;
    private final String application;
    private final String scorerSource;
    private final ConsumerWatch watch;
    private volatile SuggesterLoop loop;

    /**
     * @param kafka every {@code kafka.*} setting (bootstrap servers, security protocol, SASL, trust
     *     store, from properties or {@code KAFKA_*} variables), as Quarkus collects them for its
     *     own clients
     */
    public SuggesterWiring(
            SuggesterConfig config,
            TopicRegistry topics,
            EventIntake intake,
            MongoDatabase database,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application,
            ConsumerWatch watch) {
        this.scorerSource = config.scorerSource();
        this.watch = watch;
        this.config = config;
        this.topics = topics;
        this.intake = intake;
        this.database = database;
        this.kafka = kafka;
        this.application = application;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Properties client = KafkaClientSettings.forClient(kafka, application);
        LoopSettings settings =
                new LoopSettings(
                        config.pollTimeout(),
                        config.snapshot().everyInputs(),
                        config.snapshot().every());
        SnapshotStore store =
                new SnapshotStore(database, config.snapshotCollection(), intake.codec());
        loop =
                new SuggesterLoop(
                                settings, client, topics, intake, store, Clock.systemUTC(), s -> {})
                        .scoresFrom(scorerSource)
                        .watchedBy(watch)
                        .start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.close();
        }
    }

    /** The running loop, once started. */
    public Optional<SuggesterLoop> loop() {
        return Optional.ofNullable(loop);
    }
}
