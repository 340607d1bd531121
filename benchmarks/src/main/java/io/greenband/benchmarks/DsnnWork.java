package io.greenband.benchmarks;

import ai.djl.Device;

/**
 * A small DSNN trial as a child process: {@code args[0]} SGD steps of the DSNN (Q, shift depth 10)
 * on one synthetic batch of {@code args[1]} CIFAR-sized images on the CPU, as the trainer trains
 * it; then its own CPU seconds on stdout ({@code cpu_seconds=...}).
 */
public final class DsnnWork {

    private DsnnWork() {}

    /** Trains the fixed number of steps. */
    public static void main(String[] args) {
        TrainerBenchmark.djlOffline();
        int steps = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        TrainerVariant variant =
                TrainerVariant.ALL.stream()
                        .filter(v -> v.name().equals("q-10"))
                        .findFirst()
                        .orElseThrow();
        TrainerThroughput.Result r =
                new TrainerThroughput(batch, 0, steps).measure(variant, Device.cpu());
        System.out.println("train_images_per_s=" + r.trainImagesPerSecond());
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            System.out.println("cpu_seconds=" + os.getProcessCpuTime() / 1e9);
        }
    }
}
