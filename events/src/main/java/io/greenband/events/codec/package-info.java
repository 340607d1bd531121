/**
 * The payload format, with Jackson and the JSON Schemas only: payload records to JSON and back
 * ({@link io.greenband.events.codec.PayloadCodec}), schema validation on decode and one {@link
 * io.greenband.events.codec.EventDecodingException} for anything unreadable. The CloudEvents
 * envelope and Kafka records are the binding's ({@code io.greenband.events.kafka}, module {@code
 * events-kafka}).
 */
package io.greenband.events.codec;
