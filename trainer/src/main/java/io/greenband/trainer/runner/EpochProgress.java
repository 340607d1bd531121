package io.greenband.trainer.runner;

/**
 * Progress after one epoch.
 *
 * @param trialId the trial
 * @param epoch 1-based epoch just finished
 * @param epochs epochs planned
 * @param trainLoss mean training loss of the epoch (cross entropy plus the PS shift penalty)
 * @param trainAccuracy training accuracy of the epoch (augmented images, training mode)
 * @param validationLoss validation cross entropy
 * @param validationAccuracy validation accuracy
 * @param learningRate learning rate used in the epoch
 * @param elapsedSeconds wall time since the trial started
 */
public record EpochProgress(
        String trialId,
        int epoch,
        int epochs,
        double trainLoss,
        double trainAccuracy,
        double validationLoss,
        double validationAccuracy,
        double learningRate,
        double elapsedSeconds) {}
