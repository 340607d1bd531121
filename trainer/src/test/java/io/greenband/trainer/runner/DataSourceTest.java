package io.greenband.trainer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.datasets.CifarBinary;
import io.greenband.datasets.ImageSet;
import io.greenband.datasets.MnistLayout;
import io.greenband.trainer.data.Augmentation;
import io.greenband.trainer.data.Holdout;
import io.greenband.trainer.data.SyntheticImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data sources on small files written here: where they look, what they hold out and which subsets
 * they take.
 */
class DataSourceTest {

    @TempDir Path dir;

    /**
     * A CIFAR-10 layout of 20 images per training batch and 10 test images under {@code
     * parent/cifar-10-batches-bin}.
     */
    Path cifar(Path parent) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(CifarBinary.FOLDER));
        for (int i = 1; i <= 5; i++) {
            CifarBinary.write(
                    SyntheticImages.generate(20, 10, 32, i),
                    folder.resolve("data_batch_" + i + ".bin"));
        }
        CifarBinary.write(
                SyntheticImages.generate(10, 10, 32, 9), folder.resolve("test_batch.bin"));
        return folder;
    }

    /** Gray 8x8 images whose first pixel is their index, so subsets can be traced. */
    static ImageSet gray(int count) {
        byte[] pixels = new byte[count * 64];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            pixels[i * 64] = (byte) i;
            Arrays.fill(pixels, i * 64 + 1, i * 64 + 64, (byte) (40 + i % 100));
            labels[i] = i % 10;
        }
        return new ImageSet(pixels, labels, 1, 8, 8, 10);
    }

    static Set<Integer> firstPixels(ImageSet set) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < set.size(); i++) {
            ids.add(set.pixels()[i * set.imageBytes()] & 0xff);
        }
        return ids;
    }

    @Test
    void cifarLoadsFromTheBatchFolderItselfAndFromItsParent() throws IOException {
        Path folder = cifar(dir);
        for (Path root : new Path[] {folder, dir}) {
            DataSource.Splits splits = new DataSource.Cifar10(root, false).load();
            assertThat(splits.train().size() + splits.validation().size()).isEqualTo(100);
            assertThat(splits.validation().size()).isEqualTo(10);
            assertThat(splits.test().size()).isEqualTo(10);
            assertThat(splits.augmentation()).isEqualTo(Augmentation.CIFAR);
        }
        DataSource.Splits small =
                new DataSource.Cifar10(dir, false, Holdout.count(7), 50, 4).load();
        assertThat(small.validation().size()).isEqualTo(7);
        assertThat(small.train().size()).isEqualTo(43);
        assertThat(small.test().size()).isEqualTo(4);
        assertThatThrownBy(() -> new DataSource.Cifar10(dir.resolve("elsewhere"), false).load())
                .isInstanceOf(TrainerException.class)
                .hasMessageContaining("data_batch_1.bin");
    }

    @Test
    void idxDataHoldsOutItsValidationShareTakesNestedSubsetsAndNormalisesOnItsTrainingImages()
            throws IOException {
        Path folder = dir.resolve("idx");
        MnistLayout.write(gray(200), gray(50), folder, true);
        DataSource.Splits all =
                new DataSource.Idx("t", folder, Holdout.DEFAULT, 0, 0, Augmentation.NONE).load();
        assertThat(all.validation().size()).isEqualTo(20);
        assertThat(all.train().size()).isEqualTo(180);
        assertThat(all.test().size()).isEqualTo(50);
        assertThat(all.train().channels()).isEqualTo(1);
        assertThat(all.normalization().mean()).hasSize(1);

        DataSource.Splits quarter =
                new DataSource.Idx("t", folder, Holdout.fraction(0.25), 80, 30, Augmentation.NONE)
                        .load();
        assertThat(quarter.validation().size()).isEqualTo(20);
        assertThat(quarter.train().size()).isEqualTo(60);
        assertThat(quarter.test().size()).isEqualTo(30);
        Set<Integer> subset = firstPixels(quarter.train());
        subset.addAll(firstPixels(quarter.validation()));
        assertThat(subset).hasSize(80);
        // a larger subset contains the smaller one
        DataSource.Splits half =
                new DataSource.Idx("t", folder, Holdout.count(5), 100, 0, Augmentation.NONE).load();
        Set<Integer> larger = firstPixels(half.train());
        larger.addAll(firstPixels(half.validation()));
        assertThat(larger).containsAll(subset);

        assertThatThrownBy(
                        () ->
                                new DataSource.Idx(
                                                "fashion-mnist",
                                                dir.resolve("none"),
                                                Holdout.DEFAULT,
                                                0,
                                                0,
                                                Augmentation.NONE)
                                        .load())
                .isInstanceOf(TrainerException.class)
                .hasMessageStartingWith("fashion-mnist unavailable: no train-images-idx3-ubyte");
    }

    @Test
    void holdoutsParseFractionsPercentagesAndCounts() {
        assertThat(Holdout.parse("0.2").of(1000)).isEqualTo(200);
        assertThat(Holdout.parse("15%").of(1000)).isEqualTo(150);
        assertThat(Holdout.parse("5000").of(60_000)).isEqualTo(5000);
        assertThat(Holdout.DEFAULT.of(50_000)).isEqualTo(5000);
        assertThat(Holdout.parse("0.01").of(20)).isEqualTo(1);
        assertThatThrownBy(() -> Holdout.parse("1.5")).hasMessageContaining("fraction in (0, 1)");
        assertThatThrownBy(() -> Holdout.parse("ten")).hasMessageContaining("got 'ten'");
        assertThatThrownBy(() -> Holdout.count(100).of(100))
                .hasMessageContaining("leaves no training image");
    }
}
