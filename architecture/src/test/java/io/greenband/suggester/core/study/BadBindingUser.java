package io.greenband.suggester.core.study;

import io.greenband.events.kafka.SampleBinding;

/** Bad sample: the suggester's core using the events' Kafka binding, which is no neutral module. */
public final class BadBindingUser {

    /** Routes a study through the binding. */
    public String route(SampleBinding binding, String studyId) {
        return binding.keyOf(studyId);
    }
}
