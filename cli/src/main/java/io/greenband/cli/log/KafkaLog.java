package io.greenband.cli.log;

import io.greenband.cli.BrokerTrouble;
import io.greenband.cli.CliException;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.events.topic.TopicSpec;
import io.greenband.servicekit.log.ProducerSettings;
import io.greenband.servicekit.log.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for the command: snapshot reads (every partition of some topics from the
 * beginning to the end offsets seen at the start, merged in timestamp order), publishing with
 * acknowledgement, and topic creation. Undecodable records are skipped, as consumers would
 * dead-letter them.
 */
public final class KafkaLog {

    /** The CloudEvents source of events the command publishes. */
    public static final String SOURCE = "/greenband/cli";

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** A broker that does not answer metadata requests within this is reported unreachable. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final TopicRegistry topics;
    private final EventCodec codec;
    private final Map<String, String> clientConfig;

    public KafkaLog(String bootstrapServers, TopicRegistry topics) {
        this(bootstrapServers, topics, Map.of());
    }

    /**
     * @param clientConfig Kafka client settings for every client (security.protocol, sasl.*, ssl.*,
     *     ...); the command's own settings (servers, timeouts, offsets, acknowledgements) take
     *     precedence
     */
    public KafkaLog(
            String bootstrapServers, TopicRegistry topics, Map<String, String> clientConfig) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.clientConfig = Map.copyOf(clientConfig);
        this.codec = EventCodec.builder().setSource(SOURCE).optRegistry(topics).build();
    }

    /** The codec bound to this log's topic names. */
    public EventCodec codec() {
        return codec;
    }

    /** The topic registry. */
    public TopicRegistry topics() {
        return topics;
    }

    /**
     * Fails with a message naming the servers when the broker cannot be reached or the topics are
     * missing.
     */
    public void checkReachable() {
        try (Admin admin = Admin.create(adminProps())) {
            Set<String> names =
                    admin.listTopics().names().get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String studies = topics.name(Topic.STUDIES);
            if (!names.contains(studies)) {
                throw CliException.notFound(
                        "topic '"
                                + studies
                                + "' does not exist on "
                                + bootstrapServers
                                + "; check --topic-prefix, or start a stack with `greenband local`");
            }
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    /** The bootstrap servers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the registry's missing topics (existing ones are left as they are). */
    public void createTopics(int partitions) {
        try (Admin admin = Admin.create(adminProps())) {
            Set<String> existing =
                    admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : topics.withPartitions(partitions).all()) {
                if (!existing.contains(spec.name())) {
                    missing.add(
                            new NewTopic(spec.name(), spec.partitions(), (short) 1)
                                    .configs(spec.allConfigs()));
                }
            }
            admin.createTopics(missing).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    /**
     * Waits until every partition of {@code names} has a leader, so that publishing right after
     * creating them does not spend its delivery timeout on metadata retries (a busy broker can take
     * seconds to elect them).
     */
    private static void awaitLeaders(Admin admin, List<String> names)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (names.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            boolean ready;
            try {
                ready =
                        admin
                                .describeTopics(names)
                                .allTopicNames()
                                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                                .values()
                                .stream()
                                .flatMap(d -> d.partitions().stream())
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            } catch (ExecutionException e) {
                // Just created, not yet in the metadata the broker answers from.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                ready = false;
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(
                        "the new topics " + names + " have no partition leader after " + TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    /** Publishes events with their deterministic ids and waits for every acknowledgement. */
    public void publish(List<? extends GreenbandEvent> events) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (GreenbandEvent e : events) {
            records.add(codec.toRecord(e));
        }
        send(records);
    }

    /**
     * Publishes received events again, keeping their ce_id (the idempotency key) and ce_source
     * (consumers believe scores only from the aggregator's), in the given order.
     */
    public void republish(List<ReceivedEvent> events) {
        republish(events, e -> false);
    }

    /**
     * Publishes received events again as {@link #republish(List)} does, but stores those {@code
     * first} selects (and waits for them) before the others; record times still follow the given
     * order.
     */
    public void republish(
            List<ReceivedEvent> events, java.util.function.Predicate<ReceivedEvent> first) {
        List<ProducerRecord<String, byte[]>> early = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        // Record times one millisecond apart keep the given order when topics are merged by time
        // again.
        long time = System.currentTimeMillis();
        for (ReceivedEvent e : events) {
            io.cloudevents.CloudEvent event = codec.toCloudEvent(e);
            ProducerRecord<String, byte[]> r = codec.toRecord(event, e.payload().key());
            (first.test(e) ? early : records)
                    .add(
                            new ProducerRecord<>(
                                    r.topic(), null, time++, r.key(), r.value(), r.headers()));
        }
        if (!early.isEmpty()) {
            send(early);
        }
        send(records);
    }

    private void send(List<ProducerRecord<String, byte[]>> records) {
        Properties p = ProducerSettings.bounded(base(), "greenband-cli", TIMEOUT);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (ProducerRecord<String, byte[]> r : records) {
                acks.add(producer.send(r));
            }
            for (var ack : acks) {
                ack.get();
            }
        } catch (ExecutionException | org.apache.kafka.common.KafkaException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    /**
     * Every decodable event of the given topics, from the beginning to the current end, in
     * timestamp order.
     */
    public List<LoggedEvent> readAll(Collection<Topic> roles) {
        checkReachable();
        List<LoggedEvent> out = new ArrayList<>();
        try (TopicReader reader = reader(roles)) {
            if (!reader.catchUp((event, r) -> out.add(logged(event, r)))) {
                throw CliException.stack(
                        "reading " + roles + " from " + bootstrapServers + " did not finish", null);
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw unreachable(e);
        }
        out.sort(
                Comparator.comparingLong(LoggedEvent::timestamp)
                        .thenComparing(e -> e.topic().ordinal())
                        .thenComparingInt(LoggedEvent::partition)
                        .thenComparingLong(LoggedEvent::offset));
        return out;
    }

    /**
     * A reader of the given topics from the beginning (the service kit's {@link TopicReader}: each
     * catch-up reads to the end of the moment, with the codec's full checks); fails naming the
     * topic when one does not exist.
     */
    public TopicReader reader(Collection<Topic> roles) {
        List<String> names = roles.stream().map(topics::name).toList();
        TopicReader reader = new TopicReader(base(), names, codec, TIMEOUT.multipliedBy(4));
        List<String> absent = reader.absentTopics();
        if (!absent.isEmpty()) {
            reader.close();
            throw CliException.notFound(
                    "topic '"
                            + absent.get(0)
                            + "' does not exist on "
                            + bootstrapServers
                            + "; check --topic-prefix");
        }
        return reader;
    }

    /** The record's event, with where it was read. */
    public LoggedEvent logged(ReceivedEvent event, ConsumerRecord<String, byte[]> r) {
        return new LoggedEvent(
                topics.roleOf(r.topic()).orElseThrow(),
                r.partition(),
                r.offset(),
                r.timestamp(),
                event);
    }

    /**
     * Whether consumer group {@code groupId} has committed, on every partition of the given topics,
     * an offset at or past the end (an unknown group or a partition without a commit has not).
     */
    public boolean consumed(String groupId, Collection<Topic> roles) {
        try (Admin admin = Admin.create(base());
                KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> parts = new ArrayList<>();
            for (Topic role : roles) {
                consumer.partitionsFor(topics.name(role), TIMEOUT)
                        .forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, TIMEOUT);
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId)
                            .partitionsToOffsetAndMetadata()
                            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (TopicPartition tp : parts) {
                var at = committed.get(tp);
                long position = at == null ? 0 : at.offset();
                if (position < end.get(tp)) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    /** A consumer that reads without a group (assign, no commits), from the beginning. */
    public KafkaConsumer<String, byte[]> consumer() {
        Properties p = base();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Properties base() {
        Properties p = new Properties();
        p.putAll(clientConfig);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "greenband-cli");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return p;
    }

    private Properties adminProps() {
        Properties p = base();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CONNECT_TIMEOUT.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CONNECT_TIMEOUT.toMillis());
        return p;
    }

    private CliException unreachable(Exception e) {
        return BrokerTrouble.unreachable(bootstrapServers, e);
    }
}
