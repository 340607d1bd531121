package io.greenband.servicekit.mongo;

import com.mongodb.client.MongoDatabase;
import io.greenband.servicekit.health.HealthCheck;
import io.greenband.servicekit.health.HealthStatus;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.bson.Document;

/** Ready only when MongoDB answers a ping: the views the service keeps live there. */
@ApplicationScoped
@IfBuildProperty(name = "greenband.mongodb.enabled", stringValue = "true")
public class MongoReadinessCheck implements HealthCheck {

    private final MongoDatabase database;

    @Inject
    public MongoReadinessCheck(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "mongodb";
    }

    @Override
    public Kind kind() {
        return Kind.READINESS;
    }

    @Override
    public HealthStatus call() {
        try {
            database.runCommand(new Document("ping", 1));
            return HealthStatus.up(Map.of("database", database.getName()));
        } catch (RuntimeException e) {
            return HealthStatus.down("MongoDB did not answer a ping: " + e.getMessage());
        }
    }
}
