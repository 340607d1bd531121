package io.greenband.servicekit.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives services that keep views in MongoDB one {@link MongoClient} and their {@link
 * MongoDatabase}, from {@code greenband.mongodb.connection-string} (env {@code
 * GREENBAND_MONGODB_CONNECTION_STRING}) and {@code greenband.mongodb.database}. Active only in
 * services built with {@code greenband.mongodb.enabled=true}, so services without MongoDB never try
 * to reach one.
 */
@ApplicationScoped
@IfBuildProperty(name = "greenband.mongodb.enabled", stringValue = "true")
public class MongoClientProducer {

    @Produces
    @Singleton
    MongoClient mongoClient(
            @ConfigProperty(name = "greenband.mongodb.connection-string") String connectionString) {
        if (!connectionString.startsWith("mongodb://")
                && !connectionString.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException(
                    "greenband.mongodb.connection-string must start with mongodb:// "
                            + "or mongodb+srv://, got '"
                            + connectionString
                            + "'");
        }
        return MongoClients.create(connectionString);
    }

    void close(@Disposes MongoClient client) {
        client.close();
    }

    @Produces
    @Singleton
    MongoDatabase database(
            MongoClient client,
            @ConfigProperty(name = "greenband.mongodb.database", defaultValue = "greenband")
                    String database) {
        return client.getDatabase(database);
    }
}
