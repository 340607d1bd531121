/**
 * Kafka client settings shared by the services' plain Kafka clients (dead letters, readiness,
 * loops).
 */
package io.greenband.servicekit.kafka;
