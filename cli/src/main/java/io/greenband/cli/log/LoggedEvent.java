package io.greenband.cli.log;

import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.topic.Topic;

/**
 * A decoded event with where it sat in the log.
 *
 * @param topic the logical topic
 * @param partition the partition
 * @param offset the offset
 * @param timestamp the record timestamp (ms), used to merge topics into one order
 * @param event the decoded event
 */
public record LoggedEvent(
        Topic topic, int partition, long offset, long timestamp, ReceivedEvent event) {}
