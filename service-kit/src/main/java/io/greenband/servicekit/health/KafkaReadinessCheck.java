package io.greenband.servicekit.health;

import io.greenband.servicekit.kafka.KafkaClientSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Ready only when the Kafka cluster answers: a service that cannot reach its log can do nothing
 * useful.
 */
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private final Map<String, Object> kafka;
    private final String bootstrapServers;
    private volatile Admin admin;

    @Inject
    public KafkaReadinessCheck(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
        this.bootstrapServers =
                String.valueOf(kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public Kind kind() {
        return Kind.READINESS;
    }

    @Override
    public HealthStatus call() {
        try {
            var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(3000));
            int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
            return HealthStatus.up(Map.of("bootstrapServers", bootstrapServers, "nodes", nodes));
        } catch (Exception e) {
            return HealthStatus.down(
                    "Kafka at " + bootstrapServers + " did not answer: " + e.getMessage());
        }
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties p = KafkaClientSettings.forClient(kafka, "readiness");
                    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
                    admin = Admin.create(p);
                }
                a = admin;
            }
        }
        return a;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }
}
