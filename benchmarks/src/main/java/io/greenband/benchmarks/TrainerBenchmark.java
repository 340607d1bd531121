package io.greenband.benchmarks;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trainer}: training and inference images/s and peak memory of the float ResNet20 and of the DSNN at
 * shift depth 0, 10 and 19 (Q and PS), in one run with one batch size; checks the target that DSNN training
 * reaches at least {@value #TARGET_RATIO} of the float network's images/s.
 */
@Command(name = "trainer", mixinStandardHelpOptions = true,
        description = "DSNN vs float ResNet20 training/inference throughput and peak memory.")
final class TrainerBenchmark implements Callable<Integer> {

    /** DSNN training must reach this fraction of the float network's training images/s. */
    static final double TARGET_RATIO = 0.5;

    @Option(names = "--quick", description = "Fewer steps (2 warm-up, 5 timed) for a fast check.")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    File json;

    @Option(names = "--batch", description = "Batch size (default: ${DEFAULT-VALUE}).", defaultValue = "128")
    int batch;

    @Override
    public Integer call() throws Exception {
        djlOffline();
        TrainerThroughput bench = quick ? new TrainerThroughput(batch, 2, 5) : new TrainerThroughput(batch, 5, 30);
        Device device = TrainerThroughput.device();
        Map<String, Double> train = new LinkedHashMap<>();
        Map<String, Double> infer = new LinkedHashMap<>();
        Map<String, Double> memory = new LinkedHashMap<>();
        System.out.printf("trainer benchmark: device %s, batch %d, %s%n", device, batch, quick ? "quick" : "full");
        System.out.printf("%-8s %14s %14s %12s %10s%n", "variant", "train img/s", "infer img/s", "peak MiB", "train/float");
        for (TrainerVariant variant : TrainerVariant.ALL) {
            TrainerThroughput.Result r = bench.measure(variant, device);
            train.put(variant.name(), round(r.trainImagesPerSecond()));
            infer.put(variant.name(), round(r.inferImagesPerSecond()));
            memory.put(variant.name(), round(r.peakMemoryMiB()));
            System.out.printf("%-8s %14.1f %14.1f %12.0f %10.2f%n", variant.name(), r.trainImagesPerSecond(),
                    r.inferImagesPerSecond(), r.peakMemoryMiB(), r.trainImagesPerSecond() / train.get("float"));
        }
        double slowest = train.entrySet().stream().filter(e -> !e.getKey().equals("float"))
                .mapToDouble(Map.Entry::getValue).min().orElseThrow();
        double ratio = slowest / train.get("float");
        boolean met = ratio >= TARGET_RATIO;
        System.out.printf("slowest DSNN trains at %.2f x the float network (target >= %.1f): %s%n", ratio,
                TARGET_RATIO, met ? "met" : "NOT met");
        if (json != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("benchmark", "trainer");
            out.put("device", device.toString());
            out.put("batch_size", batch);
            out.put("quick", quick);
            out.put("train_images_per_s", train);
            out.put("infer_images_per_s", infer);
            out.put("peak_memory_mib", memory);
            out.put("min_dsnn_train_ratio", round(ratio));
            out.put("target_met", met);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json, out);
        }
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /**
     * DJL's offline settings (the bundled CPU libtorch, no downloads), set before DJL loads unless the caller
     * set them as system properties or environment variables.
     */
    static void djlOffline() {
        Map<String, String> defaults = Map.of("ai.djl.offline", "true", "ai.djl.default_engine", "PyTorch",
                "PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cpu");
        defaults.forEach((key, value) -> {
            if (System.getProperty(key) == null && System.getenv(key) == null) {
                System.setProperty(key, value);
            }
        });
    }
}
