package io.greenband.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenband.datasets.ImageSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DataPipelineTest {

    /** n one-pixel grey images whose pixel value is the image index modulo 256. */
    private static ImageSet tiny(int n) {
        byte[] pixels = new byte[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            pixels[i] = (byte) i;
            labels[i] = i % 10;
        }
        return new ImageSet(pixels, labels, 1, 1, 1, 10);
    }

    @Test
    void cifarSearchSplitIsDeterministic45kTo5kAndDisjoint() {
        ImageSet all = new ImageSet(new byte[50_000], new int[50_000], 1, 1, 1, 10);
        int[] order = DataSplit.permutation(50_000, DataSplit.SPLIT_SEED);
        assertThat(DataSplit.permutation(50_000, DataSplit.SPLIT_SEED)).isEqualTo(order);
        assertThat(Arrays.stream(order).distinct().count()).isEqualTo(50_000);
        DataSplit split = DataSplit.of(all, DataSplit.CIFAR_VALIDATION);
        assertThat(split.train().size()).isEqualTo(45_000);
        assertThat(split.validation().size()).isEqualTo(5_000);
    }

    @Test
    void splitPartsCoverTheSetOnceAndFractionsNest() {
        ImageSet all = tiny(200);
        DataSplit split = DataSplit.of(all, 20);
        Set<Integer> seen = new HashSet<>();
        for (ImageSet part : List.of(split.train(), split.validation())) {
            for (byte b : part.pixels()) {
                assertThat(seen.add(b & 0xff)).isTrue();
            }
        }
        assertThat(seen).hasSize(200);
        ImageSet quarter = DataSplit.fraction(split.train(), 0.25);
        ImageSet half = DataSplit.fraction(split.train(), 0.5);
        assertThat(quarter.size()).isEqualTo(45);
        assertThat(half.size()).isEqualTo(90);
        assertThat(Arrays.copyOf(half.pixels(), 45)).isEqualTo(quarter.pixels());
        assertThat(DataSplit.fraction(split.train(), 1.0)).isSameAs(split.train());
        assertThatThrownBy(() -> DataSplit.fraction(all, 0)).hasMessageContaining("data_fraction");
    }

    @Test
    void batchesAreNormalisedAndAugmentationFlipsAndShiftsWithBlackPadding() {
        byte[] pixels = new byte[3 * 4 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (10 * i);
        }
        ImageSet one = new ImageSet(pixels, new int[] {3}, 3, 4, 4, 10);
        Normalization norm = Normalization.CIFAR10;
        ImageBatcher.Batch plain =
                new ImageBatcher(one, norm, Augmentation.NONE).assemble(new int[] {0}, null);
        assertThat(plain.labels()).containsExactly(3);
        assertThat(plain.pixels()[17]).isCloseTo((170 / 255f - 0.4822f) / 0.1994f, within(1e-6f));

        ImageBatcher flipper = new ImageBatcher(one, norm, new Augmentation(true, 0));
        boolean sawFlip = false;
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            float[] out = flipper.assemble(new int[] {0}, random).pixels();
            boolean flipped = out[0] == plain.pixels()[3];
            assertThat(flipped || out[0] == plain.pixels()[0]).isTrue();
            sawFlip |= flipped;
        }
        assertThat(sawFlip).isTrue();

        ImageBatcher cropper = new ImageBatcher(one, norm, new Augmentation(false, 4));
        float black = norm.apply(0, 0);
        boolean sawPadding = false;
        for (int trial = 0; trial < 20; trial++) {
            float[] out = cropper.assemble(new int[] {0}, random).pixels();
            for (float v : Arrays.copyOf(out, 16)) {
                sawPadding |= v == black;
            }
        }
        assertThat(sawPadding).isTrue();
    }

    @Test
    void epochsCoverEveryImageOnceAndDropSingletons() {
        List<int[]> batches = ImageBatcher.epoch(9, 4, new SplittableRandom(1), true);
        assertThat(batches).hasSize(2);
        assertThat(ImageBatcher.epoch(9, 4, null, false)).hasSize(3);
        Set<Integer> seen = new HashSet<>();
        for (int[] b : ImageBatcher.epoch(10, 4, new SplittableRandom(2), true)) {
            for (int i : b) {
                assertThat(seen.add(i)).isTrue();
            }
        }
        assertThat(seen).hasSize(10);
    }

    @Test
    void syntheticImagesAreRepeatableAndCoverAllClasses() {
        ImageSet a = SyntheticImages.generate(200, 10, 32, 9);
        ImageSet b = SyntheticImages.generate(200, 10, 32, 9);
        assertThat(a.pixels()).isEqualTo(b.pixels());
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(Arrays.stream(a.labels()).distinct().count()).isEqualTo(10);
        assertThat(SyntheticImages.generate(200, 10, 32, 10).pixels()).isNotEqualTo(a.pixels());
    }
}
