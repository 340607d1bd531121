package io.greenband.trainer.runner;

/** Receives a trial's progress after every epoch; called on the training thread. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = progress -> {};

    /** Called once per finished epoch. Throwing from here fails the trial. */
    void onEpoch(EpochProgress progress);
}
