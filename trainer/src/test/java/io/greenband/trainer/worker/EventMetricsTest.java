package io.greenband.trainer.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.trainer.runner.EpochProgress;
import io.greenband.trainer.runner.MetricNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMetricsTest {

    @Test
    void runnerNamesBecomeEventNamesWithValErrorAndNonFiniteValuesDropped() {
        Map<String, Double> out =
                EventMetrics.finished(
                        Map.of(
                                MetricNames.VALIDATION_ACCURACY,
                                0.625,
                                MetricNames.VALIDATION_LOSS,
                                1.5,
                                MetricNames.TRAINING_SECONDS,
                                12.0,
                                MetricNames.TRAIN_IMAGES_PER_SECOND,
                                300.0,
                                "custom",
                                4.0,
                                "broken",
                                Double.NaN),
                        null);
        assertThat(out)
                .containsEntry("val_accuracy", 0.625)
                .containsEntry("val_error", 0.375)
                .containsEntry("val_loss", 1.5)
                .containsEntry("train_seconds", 12.0)
                .containsEntry("images_per_second", 300.0)
                .containsEntry("custom", 4.0)
                .doesNotContainKeys("broken", MetricNames.VALIDATION_ACCURACY, "shift_layers");
        assertThat(EventMetrics.finished(Map.of("val_error", 0.2, "val_accuracy", 0.5), null))
                .containsEntry("val_error", 0.2);
    }

    @Test
    void epochProgressCarriesLossesAndAccuracies() {
        Map<String, Double> out =
                EventMetrics.epoch(new EpochProgress("t", 2, 5, 1.25, 0.5, 1.5, 0.75, 0.1, 9.0));
        assertThat(out)
                .containsEntry("train_loss", 1.25)
                .containsEntry("val_loss", 1.5)
                .containsEntry("val_error", 0.25)
                .containsEntry("learning_rate", 0.1)
                .containsEntry("elapsed_seconds", 9.0);
    }

    @Test
    void devicesAreConfiguredOrDetectedGpuUuidsOrCpu() {
        String gpu = "GPU-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
        assertThat(new DeviceInventory(List.of("GPU-x"), () -> 0, List::of).forEngine())
                .containsExactly("GPU-x");
        assertThat(new DeviceInventory(List.of(), () -> 0, () -> List.of(gpu)).forEngine())
                .containsExactly("cpu");
        assertThat(new DeviceInventory(List.of(), () -> 2, () -> List.of(gpu)).forEngine())
                .containsExactly(gpu);
        assertThat(new DeviceInventory(List.of(), () -> 1, List::of).forEngine())
                .containsExactly("gpu-0");
        assertThat(new DeviceInventory(List.of(), () -> 0, List::of).forCommand())
                .containsExactly("cpu");
        assertThat(
                        DeviceInventory.visibleGpuUuids(
                                Map.of("NVIDIA_VISIBLE_DEVICES", gpu + ", GPU-2")))
                .containsExactly(gpu, "GPU-2");
        assertThat(
                        DeviceInventory.visibleGpuUuids(
                                Map.of(
                                        "NVIDIA_VISIBLE_DEVICES",
                                        "all",
                                        "CUDA_VISIBLE_DEVICES",
                                        gpu)))
                .containsExactly(gpu);
    }
}
