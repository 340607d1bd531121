package io.greenband.trainer.telemetry;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Bad sample: a new trainer package that publishes to Kafka itself. */
public final class BadKafkaTelemetry {

    /** Sends a step time. */
    public void send(Producer<String, String> producer, long nanos) {
        producer.send(new ProducerRecord<>("telemetry", Long.toString(nanos)));
    }
}
