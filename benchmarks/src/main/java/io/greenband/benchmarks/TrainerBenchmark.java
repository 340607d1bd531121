package io.greenband.benchmarks;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trainer}: training and inference images/s and peak memory of the float ResNet20 and of the
 * DSNN at shift depth 0, 10 and 19 (Q and PS), side by side with the PyTorch reference ({@link
 * TorchReference}) in alternating rounds (greenband first in odd rounds, the reference first in
 * even ones), medians per variant and their ratios; checks the target that DSNN training reaches at
 * least {@value #TARGET_RATIO} of the float network's images/s.
 */
@Command(
        name = "trainer",
        mixinStandardHelpOptions = true,
        description =
                "DSNN vs float ResNet20 training/inference throughput and peak memory, beside PyTorch.")
final class TrainerBenchmark implements Callable<Integer> {

    /** DSNN training must reach this fraction of the float network's training images/s. */
    static final double TARGET_RATIO = 0.5;

    @Option(
            names = "--quick",
            description = "Fewer steps (2 warm-up, 5 timed) and 2 rounds for a fast check.")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    File json;

    @Option(
            names = "--batch",
            description = "Batch size (default: ${DEFAULT-VALUE}).",
            defaultValue = "128")
    int batch;

    @Option(
            names = "--threads",
            description = "Intra-op threads of both sides (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int threads;

    @Option(
            names = "--rounds",
            description = "Alternating rounds (default: 2 with --quick, else 3).")
    Integer rounds;

    @Option(names = "--variants", split = ",", description = "Variants to measure (default: all).")
    List<String> variants;

    @Option(names = "--no-reference", description = "Skip the PyTorch reference.")
    boolean noReference;

    @Override
    public Integer call() throws Exception {
        djlOffline(threads);
        int warmup = quick ? 2 : 5;
        int steps = quick ? 5 : 30;
        int roundCount = rounds != null ? rounds : quick ? 2 : 3;
        TrainerThroughput bench = new TrainerThroughput(batch, warmup, steps);
        Device device = TrainerThroughput.device();
        List<TrainerVariant> chosen =
                TrainerVariant.ALL.stream()
                        .filter(v -> variants == null || variants.contains(v.name()))
                        .toList();
        Optional<TorchReference> reference = noReference ? Optional.empty() : TorchReference.find();
        System.out.printf(
                "trainer benchmark: device %s, batch %d, %d threads, %s, %d rounds%n",
                device, batch, threads, quick ? "quick" : "full", roundCount);
        System.out.println(
                reference
                        .map(
                                r ->
                                        "PyTorch reference: torch "
                                                + r.torchVersion()
                                                + " ("
                                                + TorchReference.PYTHON
                                                + ")")
                        .orElse(
                                noReference
                                        ? "PyTorch reference skipped (--no-reference)"
                                        : TorchReference.missingReason()));
        Map<String, SideBySide> results = new LinkedHashMap<>();
        chosen.forEach(v -> results.put(v.name(), new SideBySide()));
        for (int round = 1; round <= roundCount; round++) {
            for (TrainerVariant variant : chosen) {
                SideBySide sides = results.get(variant.name());
                boolean greenbandFirst = round % 2 == 1;
                if (greenbandFirst) {
                    sides.addGreenband(bench.measure(variant, device));
                }
                if (reference.isPresent()) {
                    sides.addReference(
                            reference.get().measure(variant, batch, threads, warmup, steps));
                }
                if (!greenbandFirst) {
                    sides.addGreenband(bench.measure(variant, device));
                }
                System.out.printf("round %d %-6s done%n", round, variant.name());
            }
        }
        TrainerReport report =
                new TrainerReport(
                        results, reference.map(TorchReference::torchVersion).orElse(null));
        report.print(System.out);
        if (json != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("benchmark", "trainer");
            out.put("device", device.toString());
            out.put("batch_size", batch);
            out.put("threads", threads);
            out.put("quick", quick);
            out.put("rounds", roundCount);
            out.putAll(report.json());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json, out);
        }
        return 0;
    }

    /**
     * DJL's offline settings (the bundled CPU libtorch, no downloads), set before DJL loads unless
     * the caller set them as system properties or environment variables.
     */
    static void djlOffline() {
        setUnlessGiven(
                Map.of(
                        "ai.djl.offline",
                        "true",
                        "ai.djl.default_engine",
                        "PyTorch",
                        "PYTORCH_VERSION",
                        "2.7.1",
                        "PYTORCH_FLAVOR",
                        "cpu"));
    }

    /**
     * {@link #djlOffline()} plus the reference's threads: {@code threads} intra-op, one inter-op.
     */
    static void djlOffline(int threads) {
        djlOffline();
        setUnlessGiven(
                Map.of(
                        "ai.djl.pytorch.num_threads",
                        Integer.toString(threads),
                        "ai.djl.pytorch.num_interop_threads",
                        "1"));
    }

    private static void setUnlessGiven(Map<String, String> defaults) {
        defaults.forEach(
                (key, value) -> {
                    if (System.getProperty(key) == null && System.getenv(key) == null) {
                        System.setProperty(key, value);
                    }
                });
    }
}
