package io.greenband.suggester.core.study;

/** Bad sample: a suggester core class naming a Kafka type by its full name, without an import. */
public final class BadFullyQualifiedKafka {

    /** Names the partition a trial was read from. */
    public String partitionOf(String topic) {
        return new org.apache.kafka.common.TopicPartition(topic, 0).toString();
    }
}
