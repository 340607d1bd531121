package io.greenband.trainer.data;

import io.greenband.datasets.ImageSet;
import java.util.SplittableRandom;

/**
 * A generated image set with class-specific structure, for tests and offline demos. Class {@code c}
 * draws stripes at angle {@code c * pi / classes} with 2-4 periods across the image, tinted with a
 * class hue, at a random phase, with hue jitter and Gaussian pixel noise. A small ResNet learns it
 * to over 90% in a few epochs; it is not a substitute for CIFAR-10.
 */
public final class SyntheticImages {

    private static final double NOISE = 24.0;
    private static final double HUE_JITTER = 0.25;

    private SyntheticImages() {}

    /**
     * @param count number of images (classes balanced round-robin)
     * @param numClasses number of classes (2 or more)
     * @param size side of the square RGB images
     * @param seed generator seed: same seed, same images
     */
    public static ImageSet generate(int count, int numClasses, int size, long seed) {
        if (count < 1 || numClasses < 2 || size < 4) {
            throw new IllegalArgumentException(
                    "synthetic set needs count >= 1, classes >= 2 and size >= 4, got "
                            + count
                            + ", "
                            + numClasses
                            + ", "
                            + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int plane = size * size;
        byte[] pixels = new byte[count * 3 * plane];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            int label = random.nextInt(numClasses);
            labels[n] = label;
            double angle = Math.PI * label / numClasses;
            double periods = 2 + label % 3;
            double phase = random.nextDouble(2 * Math.PI);
            double hue = (label + HUE_JITTER * (random.nextDouble() - 0.5)) / numClasses;
            double[] tint = hueToRgb(hue);
            double ux = Math.cos(angle) * 2 * Math.PI * periods / size;
            double uy = Math.sin(angle) * 2 * Math.PI * periods / size;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double stripe = Math.cos(ux * x + uy * y + phase);
                    for (int ch = 0; ch < 3; ch++) {
                        double value =
                                128
                                        + 70 * stripe * (0.4 + 0.6 * tint[ch])
                                        + 40 * (tint[ch] - 0.5)
                                        + NOISE * random.nextGaussian();
                        pixels[n * 3 * plane + ch * plane + y * size + x] =
                                (byte) Math.max(0, Math.min(255, Math.round(value)));
                    }
                }
            }
        }
        return new ImageSet(pixels, labels, 3, size, size, numClasses);
    }

    private static double[] hueToRgb(double hue) {
        double h = (hue - Math.floor(hue)) * 6;
        double[] rgb = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            double k = (5 - 2 * ch + h) % 6;
            // standard HSV-to-RGB with full saturation and value
            rgb[ch] = 1 - Math.max(0, Math.min(1, Math.min(k, 4 - k)));
        }
        return rgb;
    }
}
