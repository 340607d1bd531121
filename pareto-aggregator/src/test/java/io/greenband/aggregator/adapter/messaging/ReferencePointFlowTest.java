package io.greenband.aggregator.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoDatabase;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.adapter.persistence.StoredFront;
import io.greenband.aggregator.adapter.persistence.StoredHypervolume;
import io.greenband.aggregator.driver.FlowScript;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The running service on the embedded stack scores a study whose objectives give a reference point:
 * its fronts and hypervolume history are measured in that fixed frame, and the trial-scored events
 * carry the fingerprint that includes it.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class ReferencePointFlowTest {

    @Inject TopicRegistry topics;
    @Inject MongoDatabase database;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @Test
    void studyWithAReferencePointIsMeasuredInItsFixedFrame() throws Exception {
        // An hour before the other flow studies, with its samples stored before any trial event is
        // sent: a
        // trial's energy is then complete whenever it is finalized, whatever event time the service
        // is at.
        FlowScript script = new FlowScript("flow-reference", FlowScript.T0.minusSeconds(3600));
        StudyDefined study = script.studyWithReference(1.0, 2.0);
        EventCodec codec =
                EventCodec.builder().setSource("/greenband/test").optRegistry(topics).build();
        MongoAggregatorStore store = new MongoAggregatorStore(database);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        AggregatorFlowTest.producerProps(servers),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (GreenbandEvent e : script.samples()) {
                producer.send(codec.toRecord(e));
            }
            producer.flush();
            int samples = script.samples().size();
            AggregatorFlowTest.await(
                    () -> {
                        // A pause between queries keeps the wait from competing with the service it
                        // waits for.
                        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                        return store.samples(
                                                script.host,
                                                script.base,
                                                script.base.plusSeconds(3600))
                                        .size()
                                >= samples;
                    },
                    samples + " samples of " + script.host + " stored");
            producer.send(codec.toRecord(study)).get();
            for (GreenbandEvent e : script.trialEvents()) {
                producer.send(codec.toRecord(e)).get();
            }
        }

        String scored = topics.name(Topic.TRIAL_SCORED);
        for (ConsumerRecord<String, byte[]> r :
                AggregatorFlowTest.readUntil(servers, scored, script.studyId, 3)) {
            assertThat(codec.decode(r).payload(TrialScored.class).studyFingerprint())
                    .isEqualTo(study.fingerprint());
        }
        StoredFront front = store.front(script.studyId, 18.0).orElseThrow();
        assertThat(front.frame()).isEqualTo("FIXED");
        assertThat(front.reference()).containsExactly(1.0, 2.0);
        // Errors 0.30, 0.20, 0.25 at 1.2, 1.8, 0.9 g: t2 dominates t0, so the front is t1 and t2,
        // and against
        // (1.0, 2.0) its area is (0.25 - 0.20)(2.0 - 1.8) + (1.0 - 0.25)(2.0 - 0.9) = 0.01 + 0.825.
        assertThat(front.hypervolume()).isCloseTo(0.835, within(1e-9));
        // t0 alone: 0.7 * 0.8; with t1: + 0.1 * 0.2; then t2. One frame throughout, so the history
        // only rises.
        List<StoredHypervolume> history = store.hypervolumeHistory(script.studyId, 18.0);
        assertThat(history).extracting(StoredHypervolume::frame).containsOnly("FIXED");
        assertThat(history)
                .extracting(StoredHypervolume::hypervolume)
                .hasSize(3)
                .satisfies(
                        h -> {
                            assertThat(h.get(0)).isCloseTo(0.56, within(1e-9));
                            assertThat(h.get(1)).isCloseTo(0.58, within(1e-9));
                            assertThat(h.get(2)).isCloseTo(0.835, within(1e-9));
                        });
    }
}
