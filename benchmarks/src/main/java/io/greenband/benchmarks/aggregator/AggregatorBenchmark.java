package io.greenband.benchmarks.aggregator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aggregator}: energy samples per second from Kafka into MongoDB through the aggregator's
 * engine on the embedded stack ({@code samples_per_s}), and the time one scored trial takes to
 * update a study's fronts with 1,000 and 10,000 trials already scored in two objectives ({@code
 * front_update_ms}).
 */
@Command(
        name = "aggregator",
        mixinStandardHelpOptions = true,
        description =
                "Aggregator: samples/s Kafka -> MongoDB, front-update latency at 1,000 and 10,000 trials.")
public final class AggregatorBenchmark implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer samples and repetitions (a smoke run).")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        int samples = quick ? 50_000 : 500_000;
        // Samples ingested first, untimed: a short run is otherwise mostly JIT warm-up.
        int warmup = quick ? samples : samples / 5;
        IngestBenchmark.Result ingest = IngestBenchmark.run(samples, warmup);
        Map<String, FrontBenchmark.Result> fronts = new LinkedHashMap<>();
        for (int n : new int[] {1_000, 10_000}) {
            fronts.put(String.valueOf(n), FrontBenchmark.run(n, quick ? 200 : 1_000, 42L));
        }
        System.out.printf("%-34s %14s%n", "aggregator", "figure");
        System.out.printf(
                "%-34s %14.0f  (%d samples timed after %d untimed, %.2f s, %.0f samples per poll)%n",
                "samples_per_s (Kafka -> MongoDB)",
                ingest.samplesPerSecond(),
                ingest.samples(),
                warmup,
                ingest.seconds(),
                ingest.meanBatch());
        System.out.printf(
                "%-34s %14.0f  (%.2f CPU s of broker, store and consumer together)%n",
                "samples per CPU second",
                ingest.samples() / ingest.cpuSeconds(),
                ingest.cpuSeconds());
        fronts.forEach(
                (n, r) ->
                        System.out.printf(
                                "%-34s %14.4f  (p99 %.4f ms, front size %d)%n",
                                "front_update_ms median @ " + n,
                                r.medianMs(),
                                r.p99Ms(),
                                r.frontSize()));
        if (json != null) {
            writeJson(ingest, fronts);
        }
        return 0;
    }

    private void writeJson(IngestBenchmark.Result ingest, Map<String, FrontBenchmark.Result> fronts)
            throws IOException {
        StringBuilder sb = new StringBuilder("{\n  \"benchmark\": \"aggregator\",\n");
        sb.append("  \"quick\": ").append(quick).append(",\n");
        sb.append("  \"samples\": ").append(ingest.samples()).append(",\n");
        sb.append("  \"samples_per_s\": ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", ingest.samplesPerSecond()))
                .append(",\n  \"samples_per_poll\": ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", ingest.meanBatch()))
                .append(",\n  \"ingest_cpu_s\": ")
                .append(String.format(java.util.Locale.ROOT, "%.2f", ingest.cpuSeconds()))
                .append(",\n  \"front_update_ms\": {");
        String sep = "";
        for (var e : fronts.entrySet()) {
            sb.append(sep)
                    .append("\"")
                    .append(e.getKey())
                    .append("\": ")
                    .append(String.format(java.util.Locale.ROOT, "%.5f", e.getValue().medianMs()));
            sep = ", ";
        }
        sb.append("},\n  \"front_update_p99_ms\": {");
        sep = "";
        for (var e : fronts.entrySet()) {
            sb.append(sep)
                    .append("\"")
                    .append(e.getKey())
                    .append("\": ")
                    .append(String.format(java.util.Locale.ROOT, "%.5f", e.getValue().p99Ms()));
            sep = ", ";
        }
        sb.append("}\n}\n");
        Files.writeString(json, sb.toString(), StandardCharsets.UTF_8);
    }
}
