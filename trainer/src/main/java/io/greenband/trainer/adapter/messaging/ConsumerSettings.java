package io.greenband.trainer.adapter.messaging;

import java.time.Duration;

/**
 * Settings of the {@code trial-suggested} consumer.
 *
 * @param groupId the consumer group all trainers share
 * @param clientId this client's id (logs, quotas)
 * @param maxPollInterval Kafka's {@code max.poll.interval.ms}; the loop polls every {@code
 *     pollTimeout} even during a trial, so this need not exceed a trial's length
 * @param pollTimeout how long one poll waits, and how often a running trial's loop polls
 * @param shutdownGrace how long a stopping trainer waits for its cancelled trial before reporting
 *     it anyway
 */
public record ConsumerSettings(
        String groupId,
        String clientId,
        Duration maxPollInterval,
        Duration pollTimeout,
        Duration shutdownGrace) {

    /** Checks that polling happens well within the poll interval. */
    public ConsumerSettings {
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("group-id must name the trainers' consumer group");
        }
        if (pollTimeout.compareTo(maxPollInterval.dividedBy(2)) > 0) {
            throw new IllegalArgumentException(
                    "poll-timeout ("
                            + pollTimeout
                            + ") must be at most half of "
                            + "max-poll-interval ("
                            + maxPollInterval
                            + ")");
        }
    }
}
