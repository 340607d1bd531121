package io.greenband.trainer.adapter.messaging;

/** Sample adapter: the trainer's publisher of trial events. */
public final class SampleTrialPublisher {

    /** Publishes a trial's end. */
    public void finished(String trialId) {
        if (trialId.isEmpty()) {
            throw new IllegalArgumentException("trialId is empty");
        }
    }
}
