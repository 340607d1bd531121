package io.greenband.trainer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: a DSNN ResNet20 with every layer a DeepShift-Q shift layer at 5 weight bits learns
 * the synthetic set to at least 85% validation accuracy on the CPU in three short epochs.
 */
class SyntheticAccuracyTest {

    @Test
    void allLayersShiftedQFiveBitsReaches85PercentOnTheSyntheticSet() {
        TrialConfig config =
                TrialConfig.fromMap(
                        Map.of(
                                "batch_size",
                                32,
                                "optimizer",
                                "sgd",
                                "learning_rate",
                                0.05,
                                "momentum",
                                0.9,
                                "epochs",
                                3,
                                "weight_bits",
                                5,
                                "shift_type",
                                "Q",
                                "weight_decay",
                                1e-4));
        TrialRequest request =
                new TrialRequest(
                        "acceptance",
                        config,
                        new Fidelity(19, null, 1.0),
                        1,
                        new DataSource.Synthetic(1500, 300, 32, 3),
                        true,
                        null);
        TrialResult result =
                new DjlTrialRunner()
                        .run(
                                request,
                                progress ->
                                        System.out.printf(
                                                "acceptance epoch %d: train %.3f, validation %.3f%n",
                                                progress.epoch(),
                                                progress.trainAccuracy(),
                                                progress.validationAccuracy()));
        System.out.println("acceptance metrics: " + result.metrics());
        assertThat(result.status())
                .as(String.valueOf(result.error()))
                .isEqualTo(TrialStatus.COMPLETED);
        assertThat(result.metric(MetricNames.SHIFT_MAC_FRACTION)).isEqualTo(1.0);
        assertThat(result.metric(MetricNames.VALIDATION_ACCURACY)).isGreaterThanOrEqualTo(0.85);
        assertThat(result.metric(MetricNames.TEST_ACCURACY)).isGreaterThanOrEqualTo(0.85);
    }
}
