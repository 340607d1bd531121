package io.greenband.trainer.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How this trainer runs trials: who it is, where data and models live, and its timing.
 *
 * @param worker this trainer instance (e.g. the pod name)
 * @param host the node, named as the energy monitor names it
 * @param pid this process
 * @param devices devices to report instead of detecting them; empty to detect (GPU UUIDs, else
 *     {@code cpu})
 * @param heartbeat interval between heartbeat progress events during an epoch
 * @param syntheticTrainImages images of the synthetic data set before its validation hold-out
 * @param syntheticTestImages test images of the synthetic data set
 * @param syntheticImageSize side of the synthetic images (multiple of 4)
 * @param cifar10Dir folder holding {@code cifar-10-batches-bin}; null: the workload's {@code
 *     datasetPath}
 * @param download whether CIFAR-10 may be downloaded when missing
 * @param modelsDir where trained models are saved, one folder per trial and attempt; null: not
 *     saved
 * @param commandWorkDir working folder of the command backend, one sub-folder per trial
 * @param commandTimeout wall-clock limit of one command trial
 * @param evaluateTest whether trials also score the test set
 */
public record WorkerSettings(
        String worker,
        String host,
        long pid,
        List<String> devices,
        Duration heartbeat,
        int syntheticTrainImages,
        int syntheticTestImages,
        int syntheticImageSize,
        Path cifar10Dir,
        boolean download,
        Path modelsDir,
        Path commandWorkDir,
        Duration commandTimeout,
        boolean evaluateTest) {

    /** Checks the fields, naming the one that is wrong. */
    public WorkerSettings {
        if (worker == null || worker.isBlank()) {
            throw new IllegalArgumentException("worker must name this trainer instance");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must name the node this trainer runs on");
        }
        devices = List.copyOf(Objects.requireNonNull(devices, "devices"));
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException(
                    "heartbeat must be a positive duration, got " + heartbeat);
        }
        if (syntheticTrainImages < 20
                || syntheticTestImages < 1
                || syntheticImageSize < 4
                || syntheticImageSize % 4 != 0) {
            throw new IllegalArgumentException(
                    "synthetic data needs train-images >= 20, test-images >= 1 and an "
                            + "image-size that is a multiple of 4, got "
                            + syntheticTrainImages
                            + ", "
                            + syntheticTestImages
                            + ", "
                            + syntheticImageSize);
        }
        Objects.requireNonNull(commandWorkDir, "commandWorkDir");
        if (commandTimeout == null || commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "commandTimeout must be a positive duration, got " + commandTimeout);
        }
    }
}
