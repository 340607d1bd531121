package io.greenband.servicekit.topics;

import io.greenband.events.topic.TopicRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The topic registry every service uses, with the name prefix from {@code greenband.topics.prefix}
 * (env {@code GREENBAND_TOPICS_PREFIX}; empty by default).
 */
@ApplicationScoped
public class TopicRegistryProducer {

    @Produces
    @Singleton
    TopicRegistry topicRegistry(
            @ConfigProperty(name = "greenband.topics.prefix") Optional<String> prefix) {
        // Optional: MicroProfile Config treats an empty value (GREENBAND_TOPICS_PREFIX="") as
        // missing.
        return TopicRegistry.withPrefix(prefix.map(String::strip).orElse(""));
    }
}
