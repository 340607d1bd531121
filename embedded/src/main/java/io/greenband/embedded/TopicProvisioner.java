package io.greenband.embedded;

import io.greenband.events.topic.TopicRegistry;
import io.greenband.events.topic.TopicSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Brings the broker's topics in line with a {@link TopicRegistry}: creates missing ones, adds
 * partitions where the registry asks for more, and sets each topic's configs (cleanup policy
 * included). Running it twice changes nothing.
 */
final class TopicProvisioner {

    private static final long TIMEOUT_SECONDS = 30;

    private TopicProvisioner() {}

    /** Provisions every topic of {@code registry} on the broker at {@code bootstrapServers}. */
    static void provision(String bootstrapServers, TopicRegistry registry) {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "greenband-embedded-topics");
        try (Admin admin = Admin.create(props)) {
            List<TopicSpec> specs = registry.all();
            Set<String> existing =
                    admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<String> present = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (existing.contains(spec.name())) {
                    present.add(spec.name());
                } else {
                    missing.add(
                            new NewTopic(spec.name(), spec.partitions(), (short) 1)
                                    .configs(spec.allConfigs()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            if (!present.isEmpty()) {
                converge(admin, specs, present);
            }
            awaitLeaders(admin, specs);
        } catch (ExecutionException e) {
            throw EmbeddedStackException.topics(
                    "creating the topics of registry with prefix '"
                            + registry.prefix()
                            + "' failed: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw EmbeddedStackException.topics(
                    "the broker at "
                            + bootstrapServers
                            + " did not answer within "
                            + TIMEOUT_SECONDS
                            + " s while creating topics",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EmbeddedStackException.topics("interrupted while creating topics", e);
        }
    }

    /**
     * Existing topics: grow partitions (never shrink: Kafka cannot) and set configs to the
     * registry's.
     */
    private static void converge(Admin admin, List<TopicSpec> specs, List<String> present)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> described =
                admin.describeTopics(present)
                        .allTopicNames()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, NewPartitions> grow = new java.util.HashMap<>();
        Map<ConfigResource, Collection<AlterConfigOp>> configs = new java.util.HashMap<>();
        for (TopicSpec spec : specs) {
            TopicDescription d = described.get(spec.name());
            if (d == null) {
                continue;
            }
            if (d.partitions().size() < spec.partitions()) {
                grow.put(spec.name(), NewPartitions.increaseTo(spec.partitions()));
            }
            List<AlterConfigOp> ops = new ArrayList<>();
            spec.allConfigs()
                    .forEach(
                            (k, v) ->
                                    ops.add(
                                            new AlterConfigOp(
                                                    new ConfigEntry(k, v),
                                                    AlterConfigOp.OpType.SET)));
            configs.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), ops);
        }
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        admin.incrementalAlterConfigs(configs).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Waits until the broker's metadata shows every topic with at least its registry's partitions,
     * each with a leader, so the first produce after start (or after growing a topic) does not have
     * to retry.
     */
    private static void awaitLeaders(Admin admin, List<TopicSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!allLed(admin, specs)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(
                        "partitions without a leader after " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(20);
        }
    }

    private static boolean allLed(Admin admin, List<TopicSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> described;
        try {
            described =
                    admin.describeTopics(specs.stream().map(TopicSpec::name).toList())
                            .allTopicNames()
                            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                // Created, but the broker's metadata has not caught up with the controller yet.
                return false;
            }
            throw e;
        }
        for (TopicSpec spec : specs) {
            TopicDescription d = described.get(spec.name());
            // Fewer partitions than asked: new partitions are not in the broker's metadata yet.
            if (d == null
                    || d.partitions().size() < spec.partitions()
                    || !d.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                return false;
            }
        }
        return true;
    }
}
