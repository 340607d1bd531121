package io.greenband.trainer.data;

import io.greenband.datasets.ImageSet;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic train/validation split and data fractions. The split seed is fixed so every trial
 * of a study validates on the same images (45,000/5,000 for CIFAR-10's training set).
 *
 * @param train images to train on
 * @param validation held-out images for search
 */
public record DataSplit(ImageSet train, ImageSet validation) {

    /** Seed of the permutation behind every split and fraction. */
    public static final long SPLIT_SEED = 20_210_622L;

    /** Validation images of the CIFAR-10 search split. */
    public static final int CIFAR_VALIDATION = 5_000;

    /** Holds out the images {@code holdout} asks for, chosen by a fixed-seed permutation. */
    public static DataSplit of(ImageSet all, Holdout holdout) {
        return of(all, holdout.of(all.size()));
    }

    /** Holds out {@code validationSize} images chosen by a fixed-seed permutation. */
    public static DataSplit of(ImageSet all, int validationSize) {
        if (validationSize < 1 || validationSize >= all.size()) {
            throw new IllegalArgumentException(
                    "validation size must be in [1, "
                            + (all.size() - 1)
                            + "], got "
                            + validationSize);
        }
        int[] order = permutation(all.size(), SPLIT_SEED);
        int trainSize = all.size() - validationSize;
        return new DataSplit(
                all.subset(Arrays.copyOfRange(order, 0, trainSize)),
                all.subset(Arrays.copyOfRange(order, trainSize, all.size())));
    }

    /**
     * The first {@code ceil(fraction * size)} images of a fixed-seed permutation, so a larger
     * fraction always contains a smaller one; the whole set for fraction 1.
     */
    public static ImageSet fraction(ImageSet images, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("data_fraction must be in (0, 1], got " + fraction);
        }
        if (fraction == 1) {
            return images;
        }
        int count = (int) Math.max(1, Math.ceil(fraction * images.size()));
        return images.subset(Arrays.copyOf(permutation(images.size(), SPLIT_SEED + 1), count));
    }

    /**
     * At most {@code limit} images: the first of a fixed-seed permutation (so smaller subsets nest
     * in larger ones and classes stay balanced in expectation); the whole set when {@code limit} is
     * 0 or not smaller.
     */
    public static ImageSet limit(ImageSet images, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException(
                    "an image limit must be >= 0 (0: all), got " + limit);
        }
        if (limit == 0 || limit >= images.size()) {
            return images;
        }
        return images.subset(Arrays.copyOf(permutation(images.size(), SPLIT_SEED + 2), limit));
    }

    /** A Fisher-Yates permutation of {@code 0..n-1} from {@code seed}. */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
