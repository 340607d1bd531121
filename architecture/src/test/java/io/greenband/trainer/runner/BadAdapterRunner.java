package io.greenband.trainer.runner;

import io.greenband.trainer.adapter.messaging.SampleTrialPublisher;

/** Bad sample: a trainer runner importing the messaging adapter. */
public final class BadAdapterRunner {

    /** Runs a trial and publishes its end itself. */
    public void run(String trialId, SampleTrialPublisher publisher) {
        publisher.finished(trialId);
    }
}
