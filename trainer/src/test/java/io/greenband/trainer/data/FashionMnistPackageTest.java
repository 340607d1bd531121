package io.greenband.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greenband.datasets.ImageSet;
import io.greenband.datasets.MnistLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reads Debian's dataset-fashion-mnist package where it is installed. */
class FashionMnistPackageTest {

    @Test
    void readsTheInstalledPackage() {
        assumeTrue(
                MnistLayout.present(MnistLayout.FASHION_MNIST_DEBIAN),
                "the Debian package "
                        + MnistLayout.FASHION_MNIST_PACKAGE
                        + " is not installed ("
                        + MnistLayout.FASHION_MNIST_DEBIAN
                        + "); apt-get install "
                        + MnistLayout.FASHION_MNIST_PACKAGE
                        + " to run this test");
        ImageSet train = MnistLayout.readTrain(MnistLayout.FASHION_MNIST_DEBIAN);
        ImageSet test = MnistLayout.readTest(MnistLayout.FASHION_MNIST_DEBIAN);
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(train.channels()).isEqualTo(1);
        assertThat(train.height()).isEqualTo(28);
        assertThat(train.width()).isEqualTo(28);
        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class
        int[] perClass = new int[10];
        Arrays.stream(train.labels()).forEach(label -> perClass[label]++);
        assertThat(perClass).containsOnly(6_000);
        Arrays.fill(perClass, 0);
        Arrays.stream(test.labels()).forEach(label -> perClass[label]++);
        assertThat(perClass).containsOnly(1_000);
        // the published training mean of Fashion-MNIST is 0.2860 (std 0.3530)
        Normalization norm = Normalization.of(train);
        assertThat(norm.mean()[0]).isBetween(0.285f, 0.287f);
        assertThat(norm.std()[0]).isBetween(0.352f, 0.354f);
    }
}
