/**
 * Dead-lettering: records no consumer could process go to the {@code dead-letter} topic with their original
 * key, value and headers plus {@code dead-letter-*} headers (SmallRye-compatible names), and a plain-Kafka
 * consumer loop that never stops on a bad record.
 */
package io.greenband.events.deadletter;
