package io.greenband.trainer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.datasets.MnistLayout;
import io.greenband.trainer.data.Augmentation;
import io.greenband.trainer.data.Holdout;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on real data: ResNet20 learns a fixed 600-image subset of Fashion-MNIST (500 to train,
 * 100 to validate) in 48 Adam steps (3 epochs of batch 32) well above chance (10%), scored on 500
 * test images. Over seeds 1-4 on the CPU the test accuracy was 0.59-0.69 with dense convolutions
 * and 0.55-0.69 with every convolution a DeepShift-Q layer; the threshold of 0.45 leaves a margin
 * below the worst seed, and a broken shift layer falls to near chance. Needs Debian's {@code
 * dataset-fashion-mnist} package ({@code .ci/run} installs it).
 */
class FashionMnistAccuracyTest {

    static final double THRESHOLD = 0.45;

    @BeforeAll
    static void needsThePackage() {
        assertThat(MnistLayout.missing(MnistLayout.FASHION_MNIST_DEBIAN))
                .as(
                        "Fashion-MNIST is missing from %s: install the Debian package with 'apt-get install %s' "
                                + "(.ci/run does)",
                        MnistLayout.FASHION_MNIST_DEBIAN, MnistLayout.FASHION_MNIST_PACKAGE)
                .isEmpty();
    }

    static TrialResult train(int shiftDepth) {
        TrialConfig config =
                TrialConfig.fromMap(
                        Map.of(
                                "batch_size",
                                32,
                                "optimizer",
                                "adam",
                                "learning_rate",
                                0.001,
                                "epochs",
                                3,
                                "weight_bits",
                                5,
                                "shift_type",
                                "Q",
                                "weight_decay",
                                1e-4,
                                "lr_schedule",
                                "constant"));
        DataSource data =
                new DataSource.Idx(
                        "fashion-mnist",
                        MnistLayout.FASHION_MNIST_DEBIAN,
                        Holdout.count(100),
                        600,
                        500,
                        Augmentation.NONE);
        TrialRequest request =
                new TrialRequest(
                        "fashion-mnist-" + shiftDepth,
                        config,
                        new Fidelity(shiftDepth, null, 1.0),
                        1,
                        data,
                        true,
                        null);
        TrialResult result =
                new DjlTrialRunner()
                        .run(
                                request,
                                progress ->
                                        System.out.printf(
                                                "shift_depth %d epoch %d: train %.3f, validation %.3f%n",
                                                shiftDepth,
                                                progress.epoch(),
                                                progress.trainAccuracy(),
                                                progress.validationAccuracy()));
        System.out.println("shift_depth " + shiftDepth + " metrics: " + result.metrics());
        assertThat(result.status())
                .as(String.valueOf(result.error()))
                .isEqualTo(TrialStatus.COMPLETED);
        assertThat(result.metric(MetricNames.TRAINING_IMAGES)).isEqualTo(3 * 500.0);
        return result;
    }

    @Test
    void denseConvolutionsLearnTheSubset() {
        TrialResult result = train(0);
        assertThat(result.metric(MetricNames.SHIFT_MAC_FRACTION)).isLessThan(0.01);
        assertThat(result.metric(MetricNames.TEST_ACCURACY)).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void deepShiftQOnEveryConvolutionLearnsTheSubset() {
        TrialResult result = train(19);
        assertThat(result.metric(MetricNames.SHIFT_MAC_FRACTION)).isEqualTo(1.0);
        assertThat(result.metric(MetricNames.TEST_ACCURACY)).isGreaterThanOrEqualTo(THRESHOLD);
    }
}
