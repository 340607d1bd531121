package io.greenband.servicekit.topics;

import io.greenband.events.topic.TopicRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The topic registry every service uses, with the name prefix from {@code greenband.topics.prefix}
 * (env {@code GREENBAND_TOPICS_PREFIX}; empty by default).
 */
@ApplicationScoped
public class TopicRegistryProducer {

    @Produces
    @Singleton
    TopicRegistry topicRegistry(@ConfigProperty(name = "greenband.topics.prefix", defaultValue = "") String prefix) {
        return TopicRegistry.withPrefix(prefix == null ? "" : prefix.strip());
    }
}
