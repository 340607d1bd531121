/**
 * Refusals a consumer's handler may throw ({@link io.greenband.events.deadletter.RejectedEvent}):
 * plain Java, so cores may throw them. Writing the dead letter to Kafka is the binding's ({@code
 * io.greenband.events.kafka}).
 */
package io.greenband.events.deadletter;
