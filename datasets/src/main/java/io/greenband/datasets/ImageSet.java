package io.greenband.datasets;

import java.util.Objects;

/**
 * Labelled 8-bit images stored channel-major per image (CHW, as in the CIFAR binary files).
 *
 * @param pixels {@code size * channels * height * width} bytes, unsigned
 * @param labels class of each image, in {@code [0, numClasses)}
 * @param channels channels per image
 * @param height image height
 * @param width image width
 * @param numClasses number of classes
 */
public record ImageSet(
        byte[] pixels, int[] labels, int channels, int height, int width, int numClasses) {

    /** Checks that sizes agree and labels are in range. */
    public ImageSet {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (channels < 1 || height < 1 || width < 1 || numClasses < 2) {
            throw new IllegalArgumentException(
                    "ImageSet needs positive channels/height/width and >= 2 classes, got "
                            + channels
                            + "x"
                            + height
                            + "x"
                            + width
                            + ", "
                            + numClasses
                            + " classes");
        }
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(
                    "pixels hold "
                            + pixels.length
                            + " bytes but "
                            + labels.length
                            + " images of "
                            + channels
                            + "x"
                            + height
                            + "x"
                            + width
                            + " need "
                            + (long) labels.length * channels * height * width);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(
                        "label of image "
                                + i
                                + " is "
                                + labels[i]
                                + ", outside [0, "
                                + numClasses
                                + ")");
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Bytes per image. */
    public int imageBytes() {
        return channels * height * width;
    }

    /** The images at {@code indices}, in that order (a copy). */
    public ImageSet subset(int[] indices) {
        int bytes = imageBytes();
        byte[] outPixels = new byte[indices.length * bytes];
        int[] outLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * bytes, outPixels, i * bytes, bytes);
            outLabels[i] = labels[indices[i]];
        }
        return new ImageSet(outPixels, outLabels, channels, height, width, numClasses);
    }

    /** This set followed by {@code other} (same geometry and classes). */
    public ImageSet concat(ImageSet other) {
        if (other.channels != channels
                || other.height != height
                || other.width != width
                || other.numClasses != numClasses) {
            throw new IllegalArgumentException(
                    "cannot concatenate image sets of different geometry");
        }
        byte[] outPixels = new byte[pixels.length + other.pixels.length];
        System.arraycopy(pixels, 0, outPixels, 0, pixels.length);
        System.arraycopy(other.pixels, 0, outPixels, pixels.length, other.pixels.length);
        int[] outLabels = new int[labels.length + other.labels.length];
        System.arraycopy(labels, 0, outLabels, 0, labels.length);
        System.arraycopy(other.labels, 0, outLabels, labels.length, other.labels.length);
        return new ImageSet(outPixels, outLabels, channels, height, width, numClasses);
    }
}
