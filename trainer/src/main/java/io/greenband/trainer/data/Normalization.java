package io.greenband.trainer.data;

/**
 * Per-channel normalisation {@code (pixel / 255 - mean) / std}.
 *
 * @param mean channel means on the [0, 1] scale
 * @param std channel standard deviations on the [0, 1] scale
 */
public record Normalization(float[] mean, float[] std) {

    /** The CIFAR-10 constants of the DeepShift reference, also used for the synthetic set. */
    public static final Normalization CIFAR10 = new Normalization(new float[] {0.4914f, 0.4822f, 0.4465f},
            new float[] {0.2023f, 0.1994f, 0.2010f});

    /** Checks that both arrays have one positive-std entry per channel. */
    public Normalization {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need one entry per channel, got " + mean.length
                    + " and " + std.length);
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std entries must be > 0, got " + s);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Normalised value of an unsigned pixel byte of {@code channel}. */
    public float apply(int channel, int pixel) {
        return (pixel / 255f - mean[channel]) / std[channel];
    }
}
