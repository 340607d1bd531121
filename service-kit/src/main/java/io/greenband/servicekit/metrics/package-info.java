/**
 * Meters every service shares, counted once in the intake: dead letters per source topic and
 * consumer lag per partition, registered in the service's Micrometer registry and scraped at {@code
 * /q/metrics}.
 */
package io.greenband.servicekit.metrics;
