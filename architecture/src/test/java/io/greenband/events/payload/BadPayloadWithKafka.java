package io.greenband.events.payload;

import org.apache.kafka.common.header.Headers;

/** Bad sample: a payload record holding Kafka headers. */
public record BadPayloadWithKafka(String trialId, Headers headers) {}
