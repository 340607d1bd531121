package io.greenband.trainer.runner;

import io.greenband.trainer.data.Augmentation;
import io.greenband.trainer.data.CifarBinary;
import io.greenband.trainer.data.CifarDownload;
import io.greenband.trainer.data.DataSplit;
import io.greenband.trainer.data.ImageSet;
import io.greenband.trainer.data.SyntheticImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** Where a trial's images come from. */
public sealed interface DataSource {

    /** Train, validation and test images of a source. */
    record Splits(ImageSet train, ImageSet validation, ImageSet test, Augmentation augmentation) {}

    /** Loads (or generates) the splits; failures are {@link TrainerException.Kind#DATA}. */
    Splits load();

    /**
     * CIFAR-10 in the binary layout: the fixed 45,000/5,000 train/validation split of the training
     * files for search, the 10,000 test images for final scores; flip and padded-crop augmentation.
     *
     * @param root folder holding {@code cifar-10-batches-bin}
     * @param download whether to download the official archive when the folder is missing
     */
    record Cifar10(Path root, boolean download) implements DataSource {
        /** Checks the root. */
        public Cifar10 {
            Objects.requireNonNull(root, "data root");
        }

        @Override
        public Splits load() {
            try {
                Path folder = download ? CifarDownload.official().ensure(root) : root.resolve(CifarBinary.FOLDER);
                DataSplit split = DataSplit.of(CifarBinary.readTrain(folder), DataSplit.CIFAR_VALIDATION);
                return new Splits(split.train(), split.validation(), CifarBinary.readTest(folder), Augmentation.CIFAR);
            } catch (IOException | RuntimeException e) {
                throw new TrainerException(TrainerException.Kind.DATA, "CIFAR-10 unavailable: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The generated synthetic set: {@code trainImages} split 90/10 into train and validation, and a
     * separately seeded test set; no augmentation.
     *
     * @param trainImages images before the validation hold-out
     * @param testImages test images
     * @param imageSize side of the square images (multiple of 4)
     * @param seed generator seed (the data's own, independent of the trial seed)
     */
    record Synthetic(int trainImages, int testImages, int imageSize, long seed) implements DataSource {
        /** Checks the counts. */
        public Synthetic {
            if (trainImages < 20 || testImages < 1) {
                throw new IllegalArgumentException("synthetic data needs >= 20 train images and >= 1 test image");
            }
        }

        @Override
        public Splits load() {
            DataSplit split = DataSplit.of(SyntheticImages.generate(trainImages, 10, imageSize, seed), trainImages / 10);
            return new Splits(split.train(), split.validation(),
                    SyntheticImages.generate(testImages, 10, imageSize, seed + 1), Augmentation.NONE);
        }
    }
}
