package io.greenband.embedded.quarkus;

import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.EmbeddedStackSettings;
import io.greenband.embedded.SharedEmbeddedStack;
import io.greenband.events.topic.TopicRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Quarkus test resource that runs the application against an embedded Kafka broker and MongoDB
 * server:
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(EmbeddedStackResource.class)   // or the older @QuarkusTestResource
 * class SuggesterServiceTest { EmbeddedStack stack; ... }
 * }</pre>
 *
 * It sets {@value #KAFKA_BOOTSTRAP_SERVERS}, {@value #MONGODB_CONNECTION_STRING} and {@value
 * #TOPICS_PREFIX}. Fields of type {@link EmbeddedStack} in the test class receive the stack. Init
 * arguments ({@code @WithTestResource(value = ..., initArgs = @ResourceArg(name = "...", value =
 * "..."))}):
 *
 * <ul>
 *   <li>{@value #ARG_SHARED}: {@code true} (default) uses the JVM's {@link SharedEmbeddedStack};
 *       {@code false} starts a stack for this resource and stops it in {@link #stop()}.
 *   <li>{@value #ARG_TOPICS_PREFIX}: the topic prefix; default a fresh one per start ({@code
 *       test1-}, {@code test2-}, ...) so tests sharing a broker never read each other's events.
 *   <li>{@value #ARG_PARTITIONS}: partitions per topic; default {@value
 *       EmbeddedStackSettings#LOCAL_PARTITIONS}.
 *   <li>{@value #ARG_CHANGE_STREAMS}: {@code true} keeps the MongoDB oplog so that change streams
 *       work (default {@code false}); it needs {@value #ARG_SHARED} {@code false}, as the JVM's
 *       shared stack runs without.
 * </ul>
 */
public class EmbeddedStackResource implements QuarkusTestResourceLifecycleManager {

    /** Kafka bootstrap servers, read by SmallRye Reactive Messaging's Kafka connector. */
    public static final String KAFKA_BOOTSTRAP_SERVERS = EmbeddedStack.KAFKA_BOOTSTRAP_SERVERS;

    /** MongoDB connection string, read by greenband's services. */
    public static final String MONGODB_CONNECTION_STRING = EmbeddedStack.MONGODB_CONNECTION_STRING;

    /** The topic name prefix the application must use. */
    public static final String TOPICS_PREFIX = EmbeddedStack.TOPICS_PREFIX;

    /** Init argument: share the JVM's stack ({@code true}, default) or own one. */
    public static final String ARG_SHARED = "shared";

    /** Init argument: the topic prefix to use instead of a fresh one. */
    public static final String ARG_TOPICS_PREFIX = "topics-prefix";

    /** Init argument: partitions per topic. */
    public static final String ARG_PARTITIONS = "partitions";

    /** Init argument: keep the MongoDB oplog so that change streams work. */
    public static final String ARG_CHANGE_STREAMS = "change-streams";

    private static final AtomicInteger STARTS = new AtomicInteger();

    private boolean shared = true;
    private String prefix;
    private int partitions = EmbeddedStackSettings.LOCAL_PARTITIONS;
    private boolean changeStreams;
    private EmbeddedStack stack;

    @Override
    public void init(Map<String, String> initArgs) {
        shared = Boolean.parseBoolean(initArgs.getOrDefault(ARG_SHARED, "true"));
        prefix = initArgs.get(ARG_TOPICS_PREFIX);
        String p = initArgs.get(ARG_PARTITIONS);
        if (p != null) {
            try {
                partitions = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "init argument "
                                + ARG_PARTITIONS
                                + " must be a whole number, got '"
                                + p
                                + "'");
            }
        }
        changeStreams = Boolean.parseBoolean(initArgs.getOrDefault(ARG_CHANGE_STREAMS, "false"));
        if (changeStreams && shared) {
            throw new IllegalArgumentException(
                    "init argument "
                            + ARG_CHANGE_STREAMS
                            + "=true needs "
                            + ARG_SHARED
                            + "=false: the JVM's shared stack runs without change streams");
        }
    }

    @Override
    public Map<String, String> start() {
        TopicRegistry registry =
                TopicRegistry.withPrefix(
                                prefix != null ? prefix : "test" + STARTS.incrementAndGet() + "-")
                        .withPartitions(partitions);
        if (shared) {
            stack = SharedEmbeddedStack.get();
            stack.createTopics(registry);
        } else {
            stack =
                    EmbeddedStack.builder()
                            .optTopics(registry)
                            .optChangeStreams(changeStreams)
                            .start();
        }
        return Map.of(
                KAFKA_BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers(),
                MONGODB_CONNECTION_STRING, stack.mongoConnectionString(),
                TOPICS_PREFIX, registry.prefix());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stack, new TestInjector.MatchesType(EmbeddedStack.class));
    }

    @Override
    public void stop() {
        if (!shared && stack != null) {
            stack.close();
        }
        stack = null;
    }
}
