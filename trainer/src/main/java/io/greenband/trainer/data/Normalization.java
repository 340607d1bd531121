package io.greenband.trainer.data;

import io.greenband.datasets.ImageSet;

/**
 * Per-channel normalisation {@code (pixel / 255 - mean) / std}.
 *
 * @param mean channel means on the [0, 1] scale
 * @param std channel standard deviations on the [0, 1] scale
 */
public record Normalization(float[] mean, float[] std) {

    /** The CIFAR-10 constants of the DeepShift reference, also used for the synthetic set. */
    public static final Normalization CIFAR10 =
            new Normalization(
                    new float[] {0.4914f, 0.4822f, 0.4465f},
                    new float[] {0.2023f, 0.1994f, 0.2010f});

    /**
     * The per-channel mean and standard deviation of {@code images} (for data sets without
     * published constants; computed on the training images only, so nothing leaks from validation
     * or test).
     */
    public static Normalization of(ImageSet images) {
        int channels = images.channels();
        int plane = images.height() * images.width();
        double[] sum = new double[channels];
        double[] squares = new double[channels];
        byte[] pixels = images.pixels();
        for (int n = 0; n < images.size(); n++) {
            for (int ch = 0; ch < channels; ch++) {
                int base = (n * channels + ch) * plane;
                for (int i = 0; i < plane; i++) {
                    double v = (pixels[base + i] & 0xff) / 255.0;
                    sum[ch] += v;
                    squares[ch] += v * v;
                }
            }
        }
        double count = (double) images.size() * plane;
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int ch = 0; ch < channels; ch++) {
            double m = sum[ch] / count;
            mean[ch] = (float) m;
            // a constant channel would divide by zero: keep its values as they are
            std[ch] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, squares[ch] / count - m * m)));
        }
        return new Normalization(mean, std);
    }

    /** Checks that both arrays have one positive-std entry per channel. */
    public Normalization {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException(
                    "mean and std need one entry per channel, got "
                            + mean.length
                            + " and "
                            + std.length);
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
