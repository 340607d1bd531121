/**
 * The events' CloudEvents/Kafka binding: payload records to CloudEvents (binary mode, JSON data) to
 * Kafka records and back ({@link io.greenband.events.kafka.EventCodec}), the envelope's checks,
 * Kafka (de)serializers, and dead letters: records no consumer could process go to the {@code
 * dead-letter} topic with their original key, value and headers plus {@code dead-letter-*} headers.
 * The only package of the events that uses Kafka or CloudEvents.
 */
package io.greenband.events.kafka;
