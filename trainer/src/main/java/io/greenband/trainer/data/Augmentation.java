package io.greenband.trainer.data;

/**
 * Training-time augmentation: horizontal flip with probability 1/2, then a random crop of the
 * original size from the image zero-padded by {@code padding} pixels (black before normalisation).
 *
 * @param flip whether to flip horizontally at random
 * @param padding crop padding in pixels, 0 for none
 */
public record Augmentation(boolean flip, int padding) {

    /** No augmentation (evaluation). */
    public static final Augmentation NONE = new Augmentation(false, 0);

    /** The CIFAR recipe: flip and 4-pixel padded random crops. */
    public static final Augmentation CIFAR = new Augmentation(true, 4);

    /** Checks the padding. */
    public Augmentation {
        if (padding < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + padding);
        }
    }
}
