package io.greenband.trainer.worker;

import ai.djl.engine.Engine;
import io.greenband.trainer.runner.DjlTrialRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The devices a trial reports, so the aggregator can attribute GPU energy: GPU UUIDs when the trial
 * uses GPUs, else {@code cpu}. UUIDs come from {@code NVIDIA_VISIBLE_DEVICES} / {@code
 * CUDA_VISIBLE_DEVICES} when they hold UUIDs (as the NVIDIA device plugin sets them), else from
 * {@code nvidia-smi}. Detection runs once, on the first trial, so a CPU-only trainer never loads
 * libtorch just to start.
 */
public final class DeviceInventory {

    /** The device name of CPU-only trials. */
    public static final String CPU = "cpu";

    private final List<String> configured;
    private final IntSupplier engineGpus;
    private final Supplier<List<String>> gpuUuids;
    private List<String> uuids;
    private Integer gpus;

    /**
     * @param configured devices to report as they are; empty to detect
     * @param engineGpus GPUs the DJL engine sees
     * @param gpuUuids UUIDs of the GPUs visible to this process
     */
    public DeviceInventory(
            List<String> configured, IntSupplier engineGpus, Supplier<List<String>> gpuUuids) {
        this.configured = List.copyOf(configured);
        this.engineGpus = engineGpus;
        this.gpuUuids = gpuUuids;
    }

    /** Detection through the DJL engine, the environment and {@code nvidia-smi}. */
    public static DeviceInventory detect(List<String> configured) {
        return new DeviceInventory(
                configured,
                () -> Engine.getEngine(DjlTrialRunner.ENGINE).getGpuCount(),
                () -> visibleGpuUuids(System.getenv()));
    }

    /** Devices of a DJL trial: the engine's GPUs (by UUID when known), else {@code cpu}. */
    public synchronized List<String> forEngine() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (gpus == null) {
            gpus = engineGpus.getAsInt();
        }
        if (gpus == 0) {
            return List.of(CPU);
        }
        List<String> known = uuids();
        // DJL trains on its default device, GPU 0.
        return List.of(known.isEmpty() ? "gpu-0" : known.get(0));
    }

    /** Devices of a command trial: every visible GPU, else {@code cpu}. */
    public synchronized List<String> forCommand() {
        if (!configured.isEmpty()) {
            return configured;
        }
        List<String> known = uuids();
        return known.isEmpty() ? List.of(CPU) : known;
    }

    private List<String> uuids() {
        if (uuids == null) {
            uuids = List.copyOf(gpuUuids.get());
        }
        return uuids;
    }

    /**
     * UUIDs named by the visibility variables, else listed by {@code nvidia-smi}; empty when none.
     */
    static List<String> visibleGpuUuids(Map<String, String> env) {
        for (String variable : List.of("NVIDIA_VISIBLE_DEVICES", "CUDA_VISIBLE_DEVICES")) {
            List<String> named =
                    Arrays.stream(env.getOrDefault(variable, "").split(","))
                            .map(String::strip)
                            .filter(s -> s.startsWith("GPU-"))
                            .toList();
            if (!named.isEmpty()) {
                return named;
            }
        }
        return nvidiaSmiUuids();
    }

    private static List<String> nvidiaSmiUuids() {
        try {
            Process process =
                    new ProcessBuilder("nvidia-smi", "--query-gpu=uuid", "--format=csv,noheader")
                            .redirectErrorStream(true)
                            .start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return List.of();
            }
            List<String> found = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.strip().startsWith("GPU-")) {
                    found.add(line.strip());
                }
            }
            return found;
        } catch (IOException e) {
            return List.of(); // no nvidia-smi: no NVIDIA GPU to name
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
