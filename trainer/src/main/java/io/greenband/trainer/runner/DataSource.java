package io.greenband.trainer.runner;

import io.greenband.datasets.CifarBinary;
import io.greenband.datasets.CifarDownload;
import io.greenband.datasets.ImageSet;
import io.greenband.datasets.MnistLayout;
import io.greenband.trainer.data.Augmentation;
import io.greenband.trainer.data.DataSplit;
import io.greenband.trainer.data.Holdout;
import io.greenband.trainer.data.Normalization;
import io.greenband.trainer.data.SyntheticImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Where a trial's images come from. */
public sealed interface DataSource {

    /**
     * Train, validation and test images of a source, with the normalisation and augmentation to
     * train them with.
     */
    record Splits(
            ImageSet train,
            ImageSet validation,
            ImageSet test,
            Augmentation augmentation,
            Normalization normalization) {}

    /** Loads (or generates) the splits; failures are {@link TrainerException.Kind#DATA}. */
    Splits load();

    /**
     * CIFAR-10 in the binary layout: the training files split by {@code validation} (default 5,000
     * of 50,000) for search, the 10,000 test images for final scores; flip and padded-crop
     * augmentation.
     *
     * @param root the {@code cifar-10-batches-bin} folder itself, or the folder holding it
     * @param download whether to download the official archive when the files are missing
     * @param validation images held out of the training files
     * @param trainLimit training images to use before the hold-out (a fixed subset), 0 for all
     * @param testLimit test images to use (a fixed subset), 0 for all
     */
    record Cifar10(Path root, boolean download, Holdout validation, int trainLimit, int testLimit)
            implements DataSource {
        /** Checks the root and limits. */
        public Cifar10 {
            Objects.requireNonNull(root, "data root");
            Objects.requireNonNull(validation, "validation");
            if (trainLimit < 0 || testLimit < 0) {
                throw new IllegalArgumentException("image limits must be >= 0 (0: all)");
            }
        }

        /** All of CIFAR-10 with the default hold-out. */
        public Cifar10(Path root, boolean download) {
            this(root, download, Holdout.DEFAULT, 0, 0);
        }

        @Override
        public Splits load() {
            try {
                Path folder = folder();
                ImageSet all = DataSplit.limit(CifarBinary.readTrain(folder), trainLimit);
                DataSplit split = DataSplit.of(all, validation);
                return new Splits(
                        split.train(),
                        split.validation(),
                        DataSplit.limit(CifarBinary.readTest(folder), testLimit),
                        Augmentation.CIFAR,
                        Normalization.CIFAR10);
            } catch (IOException | RuntimeException e) {
                throw new TrainerException(
                        TrainerException.Kind.DATA, "CIFAR-10 unavailable: " + e.getMessage(), e);
            }
        }

        /**
         * The folder holding the batch files: {@code root} itself when it holds them, else its
         * sub-folder.
         */
        private Path folder() throws IOException {
            if (Files.isRegularFile(root.resolve("data_batch_1.bin"))) {
                return root;
            }
            return download
                    ? CifarDownload.official().ensure(root)
                    : root.resolve(CifarBinary.FOLDER);
        }
    }

    /**
     * Gray images in the MNIST layout of IDX files (Fashion-MNIST from Debian's package, MNIST, or
     * any data set stored that way): the training files split by {@code validation}, the test files
     * for final scores; normalised with the training images' own mean and deviation.
     *
     * @param name the data set's name in messages (e.g. {@code fashion-mnist})
     * @param folder the folder holding the four files
     * @param validation images held out of the training files
     * @param trainLimit training images to use before the hold-out (a fixed subset), 0 for all
     * @param testLimit test images to use (a fixed subset), 0 for all
     * @param augmentation training augmentation (flips only where the classes are mirror-symmetric)
     */
    record Idx(
            String name,
            Path folder,
            Holdout validation,
            int trainLimit,
            int testLimit,
            Augmentation augmentation)
            implements DataSource {
        /**
         * Flips (clothes are mirror-symmetric) and crops of the image padded by 2, for long
         * Fashion-MNIST runs.
         */
        public static final Augmentation FLIP_CROP = new Augmentation(true, 2);

        /** Crops of the image padded by 2 (no flips, for digits and letters). */
        public static final Augmentation CROP = new Augmentation(false, 2);

        /** Checks the fields. */
        public Idx {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(augmentation, "augmentation");
            if (trainLimit < 0 || testLimit < 0) {
                throw new IllegalArgumentException("image limits must be >= 0 (0: all)");
            }
        }

        /** The augmentation named {@code none}, {@code crop} or {@code flip-crop}. */
        public static Augmentation augmentation(String name) {
            return switch (name) {
                case "none" -> Augmentation.NONE;
                case "crop" -> CROP;
                case "flip-crop" -> FLIP_CROP;
                default ->
                        throw new IllegalArgumentException(
                                "augmentation must be none, crop or flip-crop, got '" + name + "'");
            };
        }

        @Override
        public Splits load() {
            try {
                ImageSet all = DataSplit.limit(MnistLayout.readTrain(folder), trainLimit);
                DataSplit split = DataSplit.of(all, validation);
                return new Splits(
                        split.train(),
                        split.validation(),
                        DataSplit.limit(MnistLayout.readTest(folder), testLimit),
                        augmentation,
                        Normalization.of(split.train()));
            } catch (RuntimeException e) {
                throw new TrainerException(
                        TrainerException.Kind.DATA, name + " unavailable: " + e.getMessage(), e);
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
    record Synthetic(int trainImages, int testImages, int imageSize, long seed)
            implements DataSource {
        /** Checks the counts. */
        public Synthetic {
            if (trainImages < 20 || testImages < 1) {
                throw new IllegalArgumentException(
                        "synthetic data needs >= 20 train images and >= 1 test image");
            }
        }

        @Override
        public Splits load() {
            DataSplit split =
                    DataSplit.of(
                            SyntheticImages.generate(trainImages, 10, imageSize, seed),
                            trainImages / 10);
            return new Splits(
                    split.train(),
                    split.validation(),
                    SyntheticImages.generate(testImages, 10, imageSize, seed + 1),
                    Augmentation.NONE,
                    Normalization.CIFAR10);
        }
    }
}
