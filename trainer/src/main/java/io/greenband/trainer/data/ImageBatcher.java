package io.greenband.trainer.data;

import io.greenband.datasets.ImageSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/** Turns images into normalised, optionally augmented float batches in NCHW order. */
public final class ImageBatcher {

    private final ImageSet images;
    private final Normalization normalization;
    private final Augmentation augmentation;

    /**
     * @param images source images
     * @param normalization per-channel normalisation
     * @param augmentation augmentation applied in {@link #assemble}
     */
    public ImageBatcher(ImageSet images, Normalization normalization, Augmentation augmentation) {
        this.images = Objects.requireNonNull(images, "images");
        this.normalization = Objects.requireNonNull(normalization, "normalization");
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        if (normalization.mean().length != images.channels()) {
            throw new IllegalArgumentException(
                    "normalization has "
                            + normalization.mean().length
                            + " channels, images have "
                            + images.channels());
        }
    }

    /** One batch of normalised images and labels. */
    public record Batch(float[] pixels, int[] labels) {
        /** Images in the batch. */
        public int size() {
            return labels.length;
        }
    }

    /**
     * Index chunks of one epoch: shuffled with {@code random} (in order when null), in batches of
     * {@code batchSize}; a final batch of a single image is dropped when {@code dropSingleton}
     * (batch norm cannot train on it).
     */
    public static List<int[]> epoch(
            int size, int batchSize, SplittableRandom random, boolean dropSingleton) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be >= 1, got " + batchSize);
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (random != null) {
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < size; start += batchSize) {
            int[] chunk = Arrays.copyOfRange(order, start, Math.min(size, start + batchSize));
            if (chunk.length > 1 || !dropSingleton) {
                batches.add(chunk);
            }
        }
        return batches;
    }

    /**
     * The images at {@code indices}; {@code random} drives the augmentation (unused without one).
     */
    public Batch assemble(int[] indices, SplittableRandom random) {
        int channels = images.channels();
        int height = images.height();
        int width = images.width();
        int plane = height * width;
        int pad = augmentation.padding();
        byte[] source = images.pixels();
        float[] out = new float[indices.length * channels * plane];
        int[] labels = new int[indices.length];
        for (int n = 0; n < indices.length; n++) {
            int image = indices[n];
            labels[n] = images.labels()[image];
            boolean flip = augmentation.flip() && random.nextBoolean();
            int dy = pad == 0 ? 0 : random.nextInt(2 * pad + 1) - pad;
            int dx = pad == 0 ? 0 : random.nextInt(2 * pad + 1) - pad;
            for (int ch = 0; ch < channels; ch++) {
                int sourceBase = image * channels * plane + ch * plane;
                int outBase = (n * channels + ch) * plane;
                float black = normalization.apply(ch, 0);
                for (int y = 0; y < height; y++) {
                    int sy = y + dy;
                    for (int x = 0; x < width; x++) {
                        int fx = x + dx;
                        float value = black;
                        if (sy >= 0 && sy < height && fx >= 0 && fx < width) {
                            int sx = flip ? width - 1 - fx : fx;
                            value =
                                    normalization.apply(
                                            ch, source[sourceBase + sy * width + sx] & 0xff);
                        }
                        out[outBase + y * width + x] = value;
                    }
                }
            }
        }
        return new Batch(out, labels);
    }
}
