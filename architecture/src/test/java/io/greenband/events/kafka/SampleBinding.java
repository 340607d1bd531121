package io.greenband.events.kafka;

/** Stands for a class of the events' Kafka binding (module events-kafka), which no core may use. */
public final class SampleBinding {

    /** A record key, as the binding would route it. */
    public String keyOf(String studyId) {
        return studyId;
    }
}
