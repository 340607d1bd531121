/**
 * The wire format: payload records to CloudEvents (binary mode, JSON data) to Kafka records and back,
 * with JSON Schema validation on decode and one {@link io.greenband.events.codec.EventDecodingException}
 * for anything unreadable. Start at {@link io.greenband.events.codec.EventCodec}.
 */
package io.greenband.events.codec;
